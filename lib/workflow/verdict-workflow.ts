/**
 * The verdict workflow (the README's "Evidence, verdicts and the two-person review"), as one pure table:
 *
 *   draft ──submit──▶ in_review ──publish──▶ published ──retract──▶ retracted
 *     ▲  ◀─request_changes─┘  ◀─withdraw─┘        │
 *     │                                           └─correct─▶ (a new draft version;
 *     └──────────────── edit ─────┘                  publishing it supersedes this one)
 *
 * Who may take a step depends on the role and on whether the caller wrote the verdict:
 * only the author submits or withdraws; the author or an editor edits or discards a draft; an
 * editor who is *not* the author (and did not edit it) reviews — requests changes, publishes;
 * editors start corrections (a new draft version; `to` is the new version's state) and retract.
 * Services, API, UI and CLI all ask `decide`; nothing else knows these rules.
 */
import type { Role, VerdictState } from "@/db/enums";
import { text, type Text } from "@/lib/i18n/text";

export const STEPS = [
  "edit",
  "submit",
  "withdraw",
  "request_changes",
  "publish",
  "correct",
  "retract",
  "discard",
] as const;
export type Step = (typeof STEPS)[number];

type Rule = {
  from: VerdictState[];
  /** The state the verdict moves to (`correct` leaves the published one as it is and opens a new draft). */
  to: VerdictState;
  roles: Role[];
  /** `must-or-editor`: the author, or anyone with an editor's role. */
  author: "must" | "must-not" | "must-or-editor" | "any";
  /** What the step needs from the caller besides permission. */
  needs?: "comment" | "note-if-correction" | "reason";
};

const EVERYONE: Role[] = ["contributor", "editor", "admin"];
const EDITORS: Role[] = ["editor", "admin"];

export const RULES: Record<Step, Rule> = {
  edit: { from: ["draft"], to: "draft", roles: EVERYONE, author: "must-or-editor" },
  submit: { from: ["draft"], to: "in_review", roles: EVERYONE, author: "must" },
  withdraw: { from: ["in_review"], to: "draft", roles: EVERYONE, author: "must" },
  request_changes: {
    from: ["in_review"],
    to: "draft",
    roles: EDITORS,
    author: "must-not",
    needs: "comment",
  },
  publish: {
    from: ["in_review"],
    to: "published",
    roles: EDITORS,
    author: "must-not",
    needs: "note-if-correction",
  },
  correct: { from: ["published"], to: "draft", roles: EDITORS, author: "any" },
  retract: {
    from: ["published"],
    to: "retracted",
    roles: EDITORS,
    author: "any",
    needs: "reason",
  },
  discard: { from: ["draft"], to: "draft", roles: EVERYONE, author: "must-or-editor" },
};

/** A refusal is about the verdict's `state` (409) or the caller's `permission` (403); its reason is in words. */
export type Decision =
  | { allowed: true; to: VerdictState; needs?: Rule["needs"] }
  | { allowed: false; kind: "state" | "permission"; reason: Text };

/** Whether `role` (the author or not) may take `step` on a verdict in `state`, and where it leads. */
export function decide(step: Step, state: VerdictState, role: Role, isAuthor: boolean): Decision {
  const rule = RULES[step];
  if (!rule.from.includes(state)) {
    return { allowed: false, kind: "state", reason: text("errors.workflow.wrongState", { state, step }) };
  }
  const refuse = (reason: Text): Decision => ({ allowed: false, kind: "permission", reason });
  if (!rule.roles.includes(role)) return refuse(text("errors.workflow.editorsOnly", { step }));
  if (rule.author === "must" && !isAuthor) return refuse(text("errors.workflow.authorOnly", { step }));
  if (rule.author === "must-or-editor" && !isAuthor && !EDITORS.includes(role))
    return refuse(text("errors.workflow.authorOrEditor", { step }));
  if (rule.author === "must-not" && isAuthor) return refuse(text("errors.workflow.secondEditor", { step }));
  return { allowed: true, to: rule.to, ...(rule.needs ? { needs: rule.needs } : {}) };
}

/** The steps `role` may take now, for showing only those in the UI. */
export function allowedSteps(state: VerdictState, role: Role, isAuthor: boolean): Step[] {
  return STEPS.filter((s) => decide(s, state, role, isAuthor).allowed);
}
