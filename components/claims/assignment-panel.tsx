import { useTranslations } from "next-intl";
import type { ClaimAssignment } from "@/db/queries/assignments";
import type { Role } from "@/db/enums";
import type { FormState } from "@/lib/auth/form-action";
import { can } from "@/lib/auth/permissions";
import { AssignmentForm } from "./assignment-form";
import { DueDate } from "./due-date";
import { PriorityLabel } from "./priority-label";
import { TakeClaimForm } from "./take-claim-form";

type FormActionFn = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * A claim's assignment on its desk page: who works on it, who reviews it, when it is due and how urgent it is. Editors
 * and admins change all of it; anyone else may take an unassigned claim or give back their own.
 */
export function AssignmentPanel({
  claimId,
  version,
  assignment,
  open,
  viewer,
  people,
  save,
  take,
}: {
  claimId: number;
  version: number;
  assignment: ClaimAssignment;
  /** Whether work on it goes on (no verdict published or retracted): only then is a passed deadline overdue. */
  open: boolean;
  viewer: { id: number; canAssign: boolean };
  /** The active accounts (for editors' choices). */
  people: { id: number; name: string; role: Role }[];
  save: FormActionFn;
  take: FormActionFn;
}) {
  const t = useTranslations("desk.assignments");
  const { assigneeId, reviewerId } = assignment;
  // A disabled assignee or reviewer is no longer listed, but stays chosen until someone changes it.
  const gone = (id: number | null, name: string | null) =>
    id !== null && !people.some((p) => p.id === id)
      ? [{ id, name: name ?? String(id), role: null, mayReview: false }]
      : [];
  const choices = [
    ...people.map((p) => ({ ...p, mayReview: can(p.role, "verdicts:review") })),
    ...gone(assigneeId, assignment.assigneeName),
    ...(reviewerId !== assigneeId ? gone(reviewerId, assignment.reviewerName) : []),
  ];
  const intent = assigneeId === null ? "take" : assigneeId === viewer.id ? "give-back" : null;
  return (
    <section
      aria-labelledby="assignment-heading"
      className="space-y-4 rounded-lg border border-line bg-white p-4"
      data-testid="assignment"
    >
      <h2 id="assignment-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("assignee")}</dt>
        <dd data-testid="assignment-assignee">{assignment.assigneeName ?? t("unassigned")}</dd>
        <dt className="font-medium">{t("reviewer")}</dt>
        <dd data-testid="assignment-reviewer">{assignment.reviewerName ?? t("anyEditor")}</dd>
        <dt className="font-medium">{t("due")}</dt>
        <dd data-testid="assignment-due">
          <DueDate dueAt={assignment.dueAt} open={open} />
        </dd>
        <dt className="font-medium">{t("priorityLabel")}</dt>
        <dd data-testid="assignment-priority">
          <PriorityLabel priority={assignment.priority} />
        </dd>
      </dl>
      {viewer.canAssign ? (
        <AssignmentForm
          claimId={claimId}
          version={version}
          people={choices}
          current={{
            assigneeId,
            reviewerId,
            dueDate: assignment.dueAt ? assignment.dueAt.toISOString().slice(0, 10) : "",
            priority: assignment.priority,
          }}
          action={save}
        />
      ) : (
        <TakeClaimForm claimId={claimId} version={version} intent={intent} action={take} />
      )}
    </section>
  );
}
