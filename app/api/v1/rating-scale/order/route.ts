import { getRatingScale } from "@/db/queries/ratings";
import { apiRoute, readJson } from "@/lib/api/handler";
import { reorderRatings } from "@/lib/services/ratings/manage-ratings";

/** `{order: [ratingId, …]}`: the scale in a new order (admin). */
export const PUT = apiRoute(async ({ req, actor }) => {
  await reorderRatings(actor, await readJson(req));
  return { ratings: await getRatingScale() };
});
