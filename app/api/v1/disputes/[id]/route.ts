import { getDisputeWithAccounts } from "@/db/queries/disputes";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { updateDispute } from "@/lib/services/disputes/update-dispute";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await assertCanReadInternal(actor);
  return found(await getDisputeWithAccounts(pathId(params.id, "dispute")), `dispute with id ${params.id}`);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJsonObject(req);
  const dispute = await updateDispute(actor, { ...body, disputeId: params.id });
  return { dispute };
});
