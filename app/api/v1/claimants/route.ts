import { listClaimants } from "@/db/queries/claimants";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { createClaimant } from "@/lib/services/claimants/create-claimant";

/** `?q=` finds claimants by name or affiliation. */
export const GET = apiRoute(async ({ req, actor }) => {
  await assertCanReadInternal(actor);
  return { claimants: await listClaimants(new URL(req.url).searchParams.get("q") ?? "", 50) };
});

export const POST = apiRoute(async ({ req, actor }) =>
  created({ claimant: await createClaimant(actor, await readJson(req)) }),
);
