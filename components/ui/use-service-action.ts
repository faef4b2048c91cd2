"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/form-action";

type Failure = { message: string; fieldErrors: Record<string, string> };

/**
 * Calls a server action made with `serviceAction`, refreshes the page's data on success,
 * and keeps the refusal (message and field errors) for the form to show — the user's
 * input stays where it is. `pending` lasts until the refreshed data is on the page, so a
 * form does not offer its next step (made from the data before the change) in between.
 */
export function useServiceAction<T>(action: (input: unknown) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const t = useTranslations("common.ui");
  const [pending, setPending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<Failure | null>(null);
  async function run(input: unknown): Promise<boolean> {
    setPending(true);
    let res: ActionResult<T>;
    try {
      res = await action(input);
    } catch {
      res = {
        ok: false,
        message: t("serverFailed"),
        fieldErrors: {},
        status: 500,
      };
    } finally {
      setPending(false);
    }
    if (!res.ok) {
      setError({ message: res.message, fieldErrors: res.fieldErrors });
      return false;
    }
    setError(null);
    startRefresh(() => router.refresh());
    return true;
  }
  return { run, pending: pending || refreshing, error };
}
