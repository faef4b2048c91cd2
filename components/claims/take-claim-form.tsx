"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/auth/form-action";

/**
 * A contributor's one button on a claim's assignment: take an unassigned claim, or give back one that is theirs. The
 * form stays on the page after either, so its message is read out where the button was.
 */
export function TakeClaimForm({
  claimId,
  version,
  intent,
  action,
}: {
  claimId: number;
  version: number;
  intent: "take" | "give-back" | null;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("desk.assignments.take");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      {intent && <input type="hidden" name="intent" value={intent} />}
      {intent && (
        // One button whose words change, so that focus stays on it after taking or giving back.
        <Button type="submit" variant={intent === "take" ? "primary" : "secondary"} disabled={pending}>
          {intent === "take" ? t("take") : t("giveBack")}
        </Button>
      )}
      {intent === null && <p className="text-sm text-muted">{t("editorsOnly")}</p>}
    </form>
  );
}
