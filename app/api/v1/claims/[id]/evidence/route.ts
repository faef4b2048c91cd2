import { apiRoute, created, readJsonObject } from "@/lib/api/handler";
import { addEvidence } from "@/lib/services/evidence/add-evidence";

/**
 * `{url, title, sourceType, stance, publisher?, publishedAt?, excerpt?, archiveUrl?, note?}` or `{evidenceId, stance}`
 * → 201.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  created(await addEvidence(actor, { ...(await readJsonObject(req)), claimId: params.id })),
);
