"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PRIORITIES, type Priority, type Role } from "@/db/enums";
import type { FormState } from "@/lib/auth/form-action";

/** Someone the claim may be given to; `role` null: an account disabled since it was chosen. */
type Person = { id: number; name: string; role: Role | null; mayReview: boolean };

/**
 * An editor's form for a claim's assignment: who works on it, who reviews it (an editor or admin), the day it is due
 * (at the end of that day, UTC) and its priority; saved with the claim's version, so that a change made meanwhile is
 * refused rather than overwritten.
 */
export function AssignmentForm({
  claimId,
  version,
  people,
  current,
  action,
}: {
  claimId: number;
  version: number;
  /** Everyone who may be assigned (the current assignee and reviewer among them, even if disabled since). */
  people: Person[];
  current: { assigneeId: number | null; reviewerId: number | null; dueDate: string; priority: Priority };
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("desk.assignments");
  const roles = useTranslations("common.roles.name");
  const [state, formAction, pending] = useActionState(action, {});
  const kept = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  const label = (p: Person) => (p.role ? t("person", { name: p.name, role: roles(p.role) }) : p.name);
  const reviewers = people.filter((p) => p.mayReview || p.id === current.reviewerId);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-labelledby="assignment-form-legend">
      <fieldset className="space-y-3">
        <legend id="assignment-form-legend" className="text-sm font-semibold">
          {t("form.legend")}
        </legend>
        {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
        {/* The fields are made anew from each answer (select elements would otherwise go back to their first
            defaults when React resets the form): the saved assignment, or the input refused. */}
        <div key={`${version}:${JSON.stringify(kept ?? null)}`} className="space-y-3">
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="dueDateWas" value={current.dueDate} />
          <SelectField
            label={t("assignee")}
            name="assigneeId"
            options={[
              { value: "", label: t("unassigned") },
              ...people.map((p) => ({ value: String(p.id), label: label(p) })),
            ]}
            defaultValue={kept?.assigneeId ?? String(current.assigneeId ?? "")}
            error={errors.assigneeId}
          />
          <SelectField
            label={t("reviewer")}
            name="reviewerId"
            options={[
              { value: "", label: t("anyEditor") },
              ...reviewers.map((p) => ({ value: String(p.id), label: label(p) })),
            ]}
            defaultValue={kept?.reviewerId ?? String(current.reviewerId ?? "")}
            error={errors.reviewerId}
          />
          <TextField
            label={t("form.dueDate")}
            name="dueDate"
            type="date"
            hint={t("form.dueDateHint")}
            defaultValue={kept?.dueDate ?? current.dueDate}
            error={errors.dueAt}
          />
          <SelectField
            label={t("priorityLabel")}
            name="priority"
            options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            defaultValue={kept?.priority ?? current.priority}
            error={errors.priority}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("form.saving") : t("form.save")}
        </Button>
      </fieldset>
    </form>
  );
}
