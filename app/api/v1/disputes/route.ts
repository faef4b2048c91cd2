import { listDisputes } from "@/db/queries/disputes";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { createDispute } from "@/lib/services/disputes/create-dispute";

export const GET = apiRoute(({ actor }) => {
  assertCanReadInternal(actor);
  return { disputes: listDisputes() };
});

/** `{question, eventDate?, description?, accounts:[{claimId, label}]}` → 201. */
export const POST = apiRoute(async ({ req, actor }) => created({ dispute: createDispute(actor, await readJson(req)) }));
