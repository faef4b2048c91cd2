import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { reattachClaim } from "@/lib/services/claims/place-claim";

/** Attaches a claim to new text: `{revision, start, end, version?}`. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const claim = await reattachClaim(actor, { ...(await readJsonObject(req)), claimId: params.id });
  return { claim };
});
