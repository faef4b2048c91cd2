import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Report": the printable verdict report (and its PDF) of one document, dispute or claim. */
export async function ReportLink({ scope, id }: { scope: "document" | "dispute" | "claim"; id: number }) {
  const t = await getTranslations("desk.report");
  return (
    <Link href={`/editor/report?${scope}=${id}`} className="text-accent underline">
      {t("link")}
    </Link>
  );
}
