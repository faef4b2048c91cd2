"use client";

import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { ActionResult } from "@/lib/auth/form-action";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/**
 * One button that calls a service through a server action, and says why when it is refused. `input` is what the
 * service takes; the page refreshes on success.
 */
export function ActionButton({
  action,
  input,
  label,
  variant = "secondary",
  describedBy,
  className = "text-xs",
}: {
  action: Action;
  input: unknown;
  label: string;
  variant?: "primary" | "secondary" | "danger" | "link";
  describedBy?: string;
  className?: string;
}) {
  const { run, pending, error } = useServiceAction(action);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        aria-describedby={describedBy}
        onClick={() => void run(input)}
        className={className}
      >
        {label}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-danger">
          {error.message}
        </span>
      )}
    </span>
  );
}
