import { getDisputeWithAccounts } from "@/db/queries/disputes";
import { pagesOf, revalidatePages } from "@/app/_lib/revalidate-public";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { updateDispute } from "@/lib/services/disputes/update-dispute";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => {
  assertCanReadInternal(actor);
  return found(getDisputeWithAccounts(pathId(params.id, "dispute")), `dispute with id ${params.id}`);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJsonObject(req);
  const before = /^\d+$/.test(params.id) ? pagesOf({ disputeId: Number(params.id) }) : [];
  const dispute = updateDispute(actor, { ...body, disputeId: params.id });
  revalidatePages([...before, ...pagesOf({ disputeId: dispute.id })]);
  return { dispute };
});
