import { getRatingScale } from "@/db/queries/ratings";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { publicJson } from "@/lib/api/public-response";
import { createRating } from "@/lib/services/ratings/manage-ratings";

export const dynamic = "force-dynamic";

/** The ratings in order (anyone): public JSON, like the claims' (ETag, a minute in shared caches, CORS). */
export const GET = apiRoute(async ({ req }) => publicJson(req, { ratings: await getRatingScale() }));

/**
 * `{label, description?, colour, ordinal}` (admin).
 */
export const POST = apiRoute(async ({ req, actor }) => {
  const rating = await createRating(actor, await readJson(req));
  return created({ rating });
});
