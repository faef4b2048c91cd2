import { revalidateAllPublicPages } from "@/app/_lib/revalidate-public";
import { getRatingScale } from "@/db/queries/ratings";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { createRating } from "@/lib/services/ratings/manage-ratings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(() => ({ ratings: getRatingScale() }));

/**
 * `{label, description?, colour, ordinal}` (admin). A new rating shows in the kept pages' filters: they are dropped.
 */
export const POST = apiRoute(async ({ req, actor }) => {
  const rating = createRating(actor, await readJson(req));
  revalidateAllPublicPages();
  return created({ rating });
});
