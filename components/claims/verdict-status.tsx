import { useTranslations } from "next-intl";
import type { VerdictStatus } from "@/db/queries/claim-status";

/** Where a claim's verdict stands, in words: "published: False", "in review", "no verdict". */
export function VerdictStatusText({ status }: { status: VerdictStatus | null | undefined }) {
  const t = useTranslations("desk.claims.status");
  if (!status?.state) return t("none");
  const rating = status.published?.label;
  if (status.state === "published") return rating === undefined ? t("publishedNoRating") : t("published", { rating });
  return rating === undefined
    ? t("state", { state: status.state })
    : t("publishedNewVersion", { rating, state: status.state });
}
