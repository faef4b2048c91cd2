import { apiRoute, created, readJson } from "@/lib/api/handler";
import { createClaim } from "@/lib/services/claims/create-claim";

/** `{documentId, revision, start, end, claimant, statement?, claimedAt?, disputeId?|newDispute?, accountLabel?}` → 201. */
export const POST = apiRoute(async ({ req, actor }) => created(createClaim(actor, await readJson(req))));
