"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { field, formAction, serviceAction } from "@/lib/auth/form-action";
import { linkRepeat, rejectMatch, unlinkRepeat } from "@/lib/services/claims/repeats";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { changeEvidenceLink, unlinkEvidence, updateEvidence } from "@/lib/services/evidence/change-evidence";
import { addComment } from "@/lib/services/verdicts/add-comment";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";

// The claim page's server actions: each resolves the signed-in user and calls one service.
const done = (_result: unknown) => null;

export const createVerdictAction = serviceAction((user, input: unknown) => createVerdict(user.actor, input));
export const saveVerdictAction = serviceAction(async (user, input: unknown) =>
  done(await updateVerdict(user.actor, input)),
);
export const verdictStepAction = serviceAction(async (user, input: unknown) =>
  done(await transitionVerdict(user.actor, input)),
);
export const addEvidenceAction = serviceAction((user, input: unknown) => addEvidence(user.actor, input));
export const updateEvidenceAction = serviceAction(async (user, input: unknown) =>
  done(await updateEvidence(user.actor, input)),
);
export const changeStanceAction = serviceAction(async (user, input: unknown) =>
  done(await changeEvidenceLink(user.actor, input)),
);
export const unlinkEvidenceAction = serviceAction(async (user, input: unknown) =>
  done(await unlinkEvidence(user.actor, input)),
);
export const addCommentAction = serviceAction(async (user, input: unknown) =>
  done(await addComment(user.actor, input)),
);
export const linkRepeatAction = serviceAction(async (user, input: unknown) =>
  done(await linkRepeat(user.actor, input)),
);
export const unlinkRepeatAction = serviceAction(async (user, input: unknown) =>
  done(await unlinkRepeat(user.actor, input)),
);
export const rejectMatchAction = serviceAction(async (user, input: unknown) =>
  done(await rejectMatch(user.actor, input)),
);

/** A form's id as a number when it is digits; anything else goes to the service as it came, to be refused there. */
const idOrAsSent = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

/**
 * What the assignment form sends, as `updateClaim` takes it: only the fields the form has; an empty choice is "nobody"
 * (unassigned, any editor); the due date only when it changed, so that a deadline set to the minute elsewhere is not
 * moved to the end of its day by saving the other fields.
 */
function assignmentInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = { claimId: idOrAsSent(field(form, "claimId") ?? "") };
  const version = field(form, "version");
  if (version !== undefined) input.version = idOrAsSent(version);
  for (const name of ["assigneeId", "reviewerId"]) {
    if (!form.has(name)) continue;
    const value = field(form, name);
    input[name] = value === undefined ? null : idOrAsSent(value);
  }
  if (form.has("dueDate")) {
    const due = field(form, "dueDate") ?? "";
    if (due !== (field(form, "dueDateWas") ?? "")) input.dueAt = due;
  }
  if (form.has("priority")) input.priority = field(form, "priority") ?? "";
  return input;
}

/** Saves a claim's assignment from an editor's form (the service checks who may change what). */
export const saveAssignmentAction = formAction(async (user, form) => {
  const claim = await updateClaim(user.actor, assignmentInput(form));
  revalidatePath(`/editor/claims/${claim.id}`);
  const t = await getTranslations("desk.assignments.form");
  return { ok: true, message: t("saved") };
});

/** A contributor takes an unassigned claim for themselves (`intent=take`), or gives back their own. */
export const takeClaimAction = formAction(async (user, form) => {
  const taking = field(form, "intent") === "take";
  const version = field(form, "version");
  const claim = await updateClaim(user.actor, {
    claimId: idOrAsSent(field(form, "claimId") ?? ""),
    ...(version !== undefined ? { version: idOrAsSent(version) } : {}),
    assigneeId: taking ? user.id : null,
  });
  revalidatePath(`/editor/claims/${claim.id}`);
  const t = await getTranslations("desk.assignments.take");
  return { ok: true, message: taking ? t("taken") : t("givenBack") };
});
