import { pagesOf, revalidatePages } from "@/app/_lib/revalidate-public";
import { getClaimantWithClaims } from "@/db/queries/claimants";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => {
  assertCanReadInternal(actor);
  return found(getClaimantWithClaims(pathId(params.id, "claimant")), `claimant with id ${params.id}`);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const claimant = updateClaimant(actor, { ...(await readJsonObject(req)), claimantId: params.id });
  revalidatePages(pagesOf({ claimantId: Number(params.id) }));
  return { claimant };
});
