import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";

/** Edits a draft: `{version, rating?, summary?, rationale?}`; 409 if `version` is stale. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
  verdict: await updateVerdict(actor, { ...(await readJsonObject(req)), verdictId: params.id }),
}));
