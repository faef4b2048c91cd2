import { getDisputeWithAccounts } from "@/db/queries/disputes";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { updateDispute } from "@/lib/services/disputes/update-dispute";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => {
  assertCanReadInternal(actor);
  return found(getDisputeWithAccounts(pathId(params.id, "dispute")), `dispute with id ${params.id}`);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
  dispute: updateDispute(actor, { ...(await readJsonObject(req)), disputeId: params.id }),
}));
