import { z } from "zod";
import { ASSIGNMENT_SORTS, type AssignmentFilter } from "@/db/queries/assignments";
import { VERDICT_STATES } from "@/db/enums";
import { parseId } from "@/db/ids";
import { issueMessage } from "@/lib/i18n/text";

const oneOf = (options: readonly string[]) => issueMessage("validation.oneOf", { options: options.join(", ") });

const ASSIGNEE = issueMessage("validation.assigneeQuery");

/**
 * `GET /api/v1/claims` for the desk's work (contributor+): open claims by assignee (`me`, `none`, or a user id) and
 * deadline (`soon`: within 24 hours; `overdue`), sorted by `due` or `priority`; or, with `status`, claims by the state
 * of their newest verdict version. Any of these turns the public search into the work queue.
 */
export const workQueueQuery = z.strictObject({
  assignee: z
    .string()
    .refine((v) => v === "me" || v === "none" || parseId(v) !== null, ASSIGNEE)
    .optional()
    .meta({ description: ASSIGNEE, example: "me" }),
  due: z.enum(["soon", "overdue"], { error: oneOf(["soon", "overdue"]) }).optional(),
  sort: z.enum(ASSIGNMENT_SORTS, { error: oneOf(ASSIGNMENT_SORTS) }).optional(),
  status: z.enum([...VERDICT_STATES, "none"], { error: oneOf([...VERDICT_STATES, "none"]) }).optional(),
});

/** Whether a query asks for the work queue rather than the public search. */
export function asksForWork(params: URLSearchParams): boolean {
  return ["assignee", "due", "status"].some((k) => params.has(k));
}

/** The filter a parsed query names, for the caller with `userId` (`me`). */
export function workQueueFilter(q: z.output<typeof workQueueQuery>, userId: number | null): AssignmentFilter {
  const filter: AssignmentFilter = {};
  if (q.assignee === "me") filter.assignee = userId ?? -1;
  else if (q.assignee === "none") filter.assignee = "none";
  else if (q.assignee) filter.assignee = parseId(q.assignee)!;
  if (q.due) filter.due = q.due;
  return filter;
}
