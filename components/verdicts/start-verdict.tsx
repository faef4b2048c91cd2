import { ActionButton } from "@/components/ui/action-button";
import type { ActionResult } from "@/lib/auth/form-action";

/** Starts the verdict on a claim as a draft by the current user. */
export function StartVerdict({
  claimId,
  start,
}: {
  claimId: number;
  start: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  return <ActionButton action={start} input={{ claimId }} label="Write a verdict" variant="primary" className="" />;
}
