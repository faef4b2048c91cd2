import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { confirmAnchor } from "@/lib/services/claims/place-claim";

/** Accepts the place a fuzzy claim was re-found at (`{version?}`). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const claim = await confirmAnchor(actor, { ...(await readJsonObject(req)), claimId: params.id });
  return { claim };
});
