"use server";

import { serviceAction } from "@/lib/auth/form-action";
import { createClaim } from "@/lib/services/claims/create-claim";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { confirmAnchor, reattachClaim } from "@/lib/services/claims/place-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";

// The annotator's server actions: each resolves the signed-in user and calls one service.

export const createClaimAction = serviceAction(async (user, input: unknown) => {
  const { id, slug } = await createClaim(user.actor, input);
  return { id, slug };
});

const done = (_result: unknown) => null;

export const updateClaimAction = serviceAction(async (user, input: unknown) =>
  done(await updateClaim(user.actor, input)),
);

export const deleteClaimAction = serviceAction(
  async (user, input: unknown) => (await deleteClaim(user.actor, input)) ?? null,
);

export const confirmAnchorAction = serviceAction(async (user, input: unknown) =>
  done(await confirmAnchor(user.actor, input)),
);

export const reattachClaimAction = serviceAction(async (user, input: unknown) =>
  done(await reattachClaim(user.actor, input)),
);
