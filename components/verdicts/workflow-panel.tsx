"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { ActionResult } from "@/lib/auth/form-action";
import type { Step } from "@/lib/workflow/verdict-workflow";

/** What a step asks for: the field's name (its label is the catalogue's `inputs.<step>`). */
const INPUTS: Partial<Record<Step, "comment" | "reason">> = {
  request_changes: "comment",
  retract: "reason",
};

type Props = {
  verdictId: number;
  version: number;
  /** The steps this user may take now (from `allowedSteps`). */
  steps: Step[];
  isCorrection: boolean;
  /** What the publish gate still misses (empty: ready). */
  missing: string[];
  act: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** The workflow buttons a user may press on one verdict version, with the text a step needs. */
export function WorkflowPanel({ verdictId, version, steps, isCorrection, missing, act }: Props) {
  const t = useTranslations("desk.verdicts.workflow");
  const { run, pending, error } = useServiceAction(act);
  const [open, setOpen] = useState<Step | null>(null);
  const [text, setText] = useState("");
  const visible = steps.filter((s): s is Exclude<Step, "edit"> => s !== "edit");
  if (visible.length === 0) return null;

  const input = (step: Step): { name: "comment" | "note" | "reason"; label: string } | undefined => {
    if (step === "publish" && isCorrection) return { name: "note", label: t("inputs.note") };
    const name = INPUTS[step];
    return name && { name, label: t(`inputs.${name}`) };
  };
  async function take(step: Step) {
    const field = input(step);
    if (field && open !== step) {
      setOpen(step);
      return;
    }
    const ok = await run({ verdictId, version, step, ...(field ? { [field.name]: text } : {}) });
    if (ok) {
      setOpen(null);
      setText("");
    }
  }

  const field = open ? input(open) : undefined;
  return (
    <div className="space-y-3 rounded-lg border border-line bg-slate-50 p-3" aria-label={t("label")} role="group">
      {error && <Alert tone="error">{error.message}</Alert>}
      {visible.includes("publish") && (
        <div className="text-sm" data-testid="publish-gate">
          {missing.length === 0 ? (
            <p className="text-ok">{t("ready")}</p>
          ) : (
            <>
              <p className="font-medium">{t("needs")}</p>
              <ul className="ms-5 list-disc">
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {field && (
        <label className="block text-sm font-medium">
          {field.label}
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 font-normal"
          />
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        {visible.map((s) => (
          <Button
            key={s}
            type="button"
            disabled={pending}
            variant={s === "retract" ? "danger" : s === "publish" || s === "submit" ? "primary" : "secondary"}
            onClick={() => take(s)}
          >
            {open === s ? t(`confirm.${s}`) : t(`steps.${s}`)}
          </Button>
        ))}
        {open && (
          <Button type="button" variant="link" onClick={() => setOpen(null)}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </div>
  );
}
