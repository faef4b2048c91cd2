"use client";

import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { Alert } from "./alert";
import { Button } from "./button";

type Props<S extends FormState> = {
  action: (prev: S, form: FormData) => Promise<S>;
  submitLabel: string;
  /** Fields, given the last answer (to show field errors and keep refused input). */
  children: (state: S) => ReactNode;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  label?: string;
};

/** A form posting to a server action, with its message and a submit button that waits. */
export function ActionForm<S extends FormState = FormState>({
  action,
  submitLabel,
  children,
  variant = "primary",
  className = "space-y-3",
  label,
}: Props<S>) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  return (
    <form action={formAction} className={className} aria-label={label} noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {children(state)}
      <Button type="submit" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
