import { listDisputes } from "@/db/queries/disputes";
import { pagesOf, revalidatePages } from "@/app/_lib/revalidate-public";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { createDispute } from "@/lib/services/disputes/create-dispute";

export const GET = apiRoute(({ actor }) => {
  assertCanReadInternal(actor);
  return { disputes: listDisputes() };
});

/** `{question, eventDate?, description?, accounts:[{claimId, label}]}` → 201. */
export const POST = apiRoute(async ({ req, actor }) => {
  const dispute = createDispute(actor, await readJson(req));
  revalidatePages(pagesOf({ disputeId: dispute.id }));
  return created({ dispute });
});
