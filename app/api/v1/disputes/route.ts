import { listDisputes } from "@/db/queries/disputes";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { createDispute } from "@/lib/services/disputes/create-dispute";

export const GET = apiRoute(async ({ actor }) => {
  await assertCanReadInternal(actor);
  return { disputes: await listDisputes() };
});

/** `{question, eventDate?, description?, accounts:[{claimId, label}]}` → 201. */
export const POST = apiRoute(async ({ req, actor }) => {
  const dispute = await createDispute(actor, await readJson(req));
  return created({ dispute });
});
