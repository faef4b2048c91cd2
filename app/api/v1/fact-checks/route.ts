import { z } from "zod";
import { listFactChecks } from "@/db/queries/fact-checks";
import { apiRoute } from "@/lib/api/handler";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { parseInput } from "@/lib/validation/parse";

const pageQuery = z.strictObject({
  limit: z.coerce
    .number({ error: "must be a number from 1 to 500" })
    .int("must be a number from 1 to 500")
    .min(1, "must be a number from 1 to 500")
    .max(500, "must be a number from 1 to 500")
    .default(50),
  offset: z.coerce
    .number({ error: "must be 0 or more" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(1_000_000_000, "is beyond the library")
    .default(0),
});

/**
 * `GET /api/v1/fact-checks?limit=&offset=` (contributor+): the library of known fact-checks, newest review first →
 * `{factChecks, total, limit, offset}`; `limit` 1–500 (50 unless given), `offset` from 0.
 */
export const GET = apiRoute(async ({ req, actor }) => {
  await assertCanReadInternal(actor);
  const params = new URL(req.url).searchParams;
  const page = parseInput(pageQuery, {
    ...(params.get("limit") ? { limit: params.get("limit") } : {}),
    ...(params.get("offset") ? { offset: params.get("offset") } : {}),
  });
  return await listFactChecks(page);
});
