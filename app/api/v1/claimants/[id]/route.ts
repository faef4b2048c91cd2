import { getClaimantWithClaims } from "@/db/queries/claimants";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await assertCanReadInternal(actor);
  return found(await getClaimantWithClaims(pathId(params.id, "claimant")), `claimant with id ${params.id}`);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const claimant = await updateClaimant(actor, { ...(await readJsonObject(req)), claimantId: params.id });
  return { claimant };
});
