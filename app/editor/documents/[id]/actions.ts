"use server";

import { pagesOfClaims, revalidateClaimPages } from "@/app/_lib/revalidate-public";
import { serviceAction } from "@/lib/auth/form-action";
import { createClaim } from "@/lib/services/claims/create-claim";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { confirmAnchor, reattachClaim } from "@/lib/services/claims/place-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";

// The annotator's server actions: each resolves the signed-in user and calls one service.

export const createClaimAction = serviceAction((user, input: unknown) => {
  const { id, slug } = createClaim(user.actor, input);
  return { id, slug };
});

export const updateClaimAction = serviceAction((user, input: unknown) => {
  const id = Number((input as { claimId?: unknown })?.claimId);
  const before = Number.isInteger(id) ? pagesOfClaims([id]) : [];
  revalidateClaimPages(updateClaim(user.actor, input).id, before);
  return null;
});

export const deleteClaimAction = serviceAction((user, input: unknown) => deleteClaim(user.actor, input) ?? null);

export const confirmAnchorAction = serviceAction((user, input: unknown) => {
  revalidateClaimPages(confirmAnchor(user.actor, input).id);
  return null;
});

export const reattachClaimAction = serviceAction((user, input: unknown) => {
  revalidateClaimPages(reattachClaim(user.actor, input).id);
  return null;
});
