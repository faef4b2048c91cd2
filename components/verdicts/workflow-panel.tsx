"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { ActionResult } from "@/lib/auth/form-action";
import type { Step } from "@/lib/workflow/verdict-workflow";

const LABELS: Record<Exclude<Step, "edit">, string> = {
  submit: "Submit for review",
  withdraw: "Take back from review",
  request_changes: "Request changes",
  publish: "Publish",
  correct: "Start a correction",
  retract: "Retract",
  discard: "Discard this draft",
};

/** What a step asks for, and how the field is labelled. */
const INPUTS: Partial<Record<Step, { name: "comment" | "note" | "reason"; label: string }>> = {
  request_changes: { name: "comment", label: "What should the author change? (the author sees this)" },
  retract: { name: "reason", label: "Public reason for the retraction" },
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
  const { run, pending, error } = useServiceAction(act);
  const [open, setOpen] = useState<Step | null>(null);
  const [text, setText] = useState("");
  const visible = steps.filter((s): s is Exclude<Step, "edit"> => s !== "edit");
  if (visible.length === 0) return null;

  const input = (step: Step) =>
    step === "publish" && isCorrection
      ? { name: "note" as const, label: "Correction note (published with the verdict)" }
      : INPUTS[step];
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
    <div className="space-y-3 rounded-lg border border-line bg-slate-50 p-3" aria-label="Workflow" role="group">
      {error && <Alert tone="error">{error.message}</Alert>}
      {visible.includes("publish") && (
        <div className="text-sm" data-testid="publish-gate">
          {missing.length === 0 ? (
            <p className="text-ok">Ready to publish: rating, summary, rationale and evidence are all there.</p>
          ) : (
            <>
              <p className="font-medium">Before publishing, this verdict needs:</p>
              <ul className="ml-5 list-disc">
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
            {open === s ? `Confirm: ${LABELS[s].toLowerCase()}` : LABELS[s]}
          </Button>
        ))}
        {open && (
          <Button type="button" variant="link" onClick={() => setOpen(null)}>
            Cancel
          </Button>
        )}
      </div>
    </div>
  );
}
