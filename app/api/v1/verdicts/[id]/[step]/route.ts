import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { ServiceError } from "@/lib/services/errors";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";

/**
 * `POST /api/v1/verdicts/{id}/{submit|withdraw|request-changes|publish|correct|retract}`
 * with `{version?, comment?, note?, reason?}` as the step needs.
 */
export const POST = apiRoute<{ id: string; step: string }>(async ({ req, actor, params }) => {
  const step = params.step.replace(/-/g, "_");
  const body = await readJsonObject(req);
  if (!/^[a-z_]+$/.test(step)) throw new ServiceError("not_found", `No workflow step ${params.step}.`);
  const verdict = await transitionVerdict(actor, { ...body, verdictId: params.id, step });
  return { verdict };
});
