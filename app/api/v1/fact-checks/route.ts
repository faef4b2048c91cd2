import { listFactChecks } from "@/db/queries/fact-checks";
import { apiRoute } from "@/lib/api/handler";
import { factChecksPageQuery } from "@/lib/api/query-schemas";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { parseInput } from "@/lib/validation/parse";

/**
 * `GET /api/v1/fact-checks?limit=&offset=` (contributor+): the library of known fact-checks, newest review first →
 * `{factChecks, total, limit, offset}`; `limit` 1–500 (50 unless given), `offset` from 0.
 */
export const GET = apiRoute(async ({ req, actor }) => {
  await assertCanReadInternal(actor);
  const params = new URL(req.url).searchParams;
  const page = parseInput(factChecksPageQuery, {
    ...(params.get("limit") ? { limit: params.get("limit") } : {}),
    ...(params.get("offset") ? { offset: params.get("offset") } : {}),
  });
  return await listFactChecks(page);
});
