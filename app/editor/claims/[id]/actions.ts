"use server";

import { revalidateClaimPages } from "@/app/_lib/revalidate-public";
import { serviceAction } from "@/lib/auth/form-action";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { changeEvidenceLink, unlinkEvidence, updateEvidence } from "@/lib/services/evidence/change-evidence";
import { addComment } from "@/lib/services/verdicts/add-comment";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";

// The claim page's server actions: each resolves the signed-in user and calls one service.
const done = (_result: unknown) => null;

export const createVerdictAction = serviceAction((user, input: unknown) => createVerdict(user.actor, input));
export const saveVerdictAction = serviceAction((user, input: unknown) => done(updateVerdict(user.actor, input)));
export const verdictStepAction = serviceAction((user, input: unknown) => {
  const verdict = transitionVerdict(user.actor, input);
  if (verdict.state === "published" || verdict.state === "retracted") revalidateClaimPages(verdict.claimId);
  return null;
});
export const addEvidenceAction = serviceAction((user, input: unknown) => addEvidence(user.actor, input));
export const updateEvidenceAction = serviceAction((user, input: unknown) => done(updateEvidence(user.actor, input)));
export const changeStanceAction = serviceAction((user, input: unknown) => done(changeEvidenceLink(user.actor, input)));
export const unlinkEvidenceAction = serviceAction((user, input: unknown) => done(unlinkEvidence(user.actor, input)));
export const addCommentAction = serviceAction((user, input: unknown) => done(addComment(user.actor, input)));
