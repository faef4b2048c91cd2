import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
  claim: updateClaim(actor, { ...(await readJsonObject(req)), claimId: params.id }),
}));

export const DELETE = apiRoute<{ id: string }>(({ req, actor, params }) => {
  const version = new URL(req.url).searchParams.get("version");
  deleteClaim(actor, { claimId: params.id, ...(version ? { version: Number(version) } : {}) });
  return new Response(null, { status: 204 });
});
