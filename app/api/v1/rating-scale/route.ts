import { getRatingScale } from "@/db/queries/ratings";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { createRating } from "@/lib/services/ratings/manage-ratings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => ({ ratings: await getRatingScale() }));

/**
 * `{label, description?, colour, ordinal}` (admin).
 */
export const POST = apiRoute(async ({ req, actor }) => {
  const rating = await createRating(actor, await readJson(req));
  return created({ rating });
});
