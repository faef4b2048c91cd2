import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import type { ActionResult } from "@/lib/auth/form-action";

/** Starts the verdict on a claim as a draft by the current user. */
export async function StartVerdict({
  claimId,
  start,
}: {
  claimId: number;
  start: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = await getTranslations("desk.verdicts");
  return <ActionButton action={start} input={{ claimId }} label={t("start")} variant="primary" className="" />;
}
