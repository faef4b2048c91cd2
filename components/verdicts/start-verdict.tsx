"use client";

import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { ActionResult } from "@/lib/auth/form-action";

/** Starts the verdict on a claim as a draft by the current user. */
export function StartVerdict({
  claimId,
  start,
}: {
  claimId: number;
  start: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const { run, pending, error } = useServiceAction(start);
  return (
    <div className="space-y-2">
      <Button type="button" disabled={pending} onClick={() => run({ claimId })}>
        Write a verdict
      </Button>
      {error && <p className="text-sm text-danger">{error.message}</p>}
    </div>
  );
}
