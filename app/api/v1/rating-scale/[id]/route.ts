import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { deleteRating, updateRating } from "@/lib/services/ratings/manage-ratings";

/** `{version?, label?, description?, colour?, ordinal?}` (admin). */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const rating = await updateRating(actor, { ...(await readJsonObject(req)), ratingId: params.id });
  return { rating };
});

/** Deletes a rating no verdict uses (admin); 409 naming the verdicts otherwise. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteRating(actor, { ratingId: params.id });
  return new Response(null, { status: 204 });
});
