"use server";

import { serviceAction } from "@/lib/auth/form-action";
import { linkRepeat, rejectMatch, unlinkRepeat } from "@/lib/services/claims/repeats";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { changeEvidenceLink, unlinkEvidence, updateEvidence } from "@/lib/services/evidence/change-evidence";
import { addComment } from "@/lib/services/verdicts/add-comment";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
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
