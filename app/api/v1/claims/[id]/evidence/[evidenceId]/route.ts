import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { changeEvidenceLink, unlinkEvidence } from "@/lib/services/evidence/change-evidence";

type Params = { id: string; evidenceId: string };

/** `{stance, note?}`: this claim's stance toward the item. */
export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => ({
  link: await changeEvidenceLink(actor, {
    ...(await readJsonObject(req)),
    claimId: params.id,
    evidenceId: params.evidenceId,
  }),
}));

/** Unlinks the item from this claim (the item stays). */
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await unlinkEvidence(actor, { claimId: params.id, evidenceId: params.evidenceId });
  return new Response(null, { status: 204 });
});
