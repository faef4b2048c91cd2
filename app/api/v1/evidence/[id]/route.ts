import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { updateEvidence } from "@/lib/services/evidence/change-evidence";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
  evidence: await updateEvidence(actor, { ...(await readJsonObject(req)), evidenceId: params.id }),
}));
