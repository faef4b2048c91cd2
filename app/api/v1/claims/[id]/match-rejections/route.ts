import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { rejectMatch } from "@/lib/services/claims/repeats";

/**
 * `POST /api/v1/claims/{id}/match-rejections` `{kind: "claim" | "fact-check", id}`: the suggested match is not the
 * same claim; it is not suggested for this claim again (for two of the desk's claims, in either direction).
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { created } = await rejectMatch(actor, { ...(await readJsonObject(req)), claimId: params.id });
  return Response.json({ rejected: true }, { status: created ? 201 : 200 });
});
