import { getFactCheck } from "@/db/queries/fact-checks";
import { apiRoute } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";

/** `GET /api/v1/fact-checks/{id}` (contributor+): one known fact-check → `{factCheck}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await assertCanReadInternal(actor);
  return { factCheck: found(await getFactCheck(pathId(params.id, "fact-check")), `fact-check with id ${params.id}`) };
});
