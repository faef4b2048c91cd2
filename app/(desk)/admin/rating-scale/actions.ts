"use server";

import { revalidatePath } from "next/cache";
import { getRatingScale } from "@/db/queries/ratings";
import { field, formAction, type FormState } from "@/lib/auth/form-action";
import { createRating, deleteRating, reorderRatings, updateRating } from "@/lib/services/ratings/manage-ratings";

const fields = (form: FormData) => ({
  label: String(form.get("label") ?? ""),
  description: String(form.get("description") ?? ""),
  colour: String(form.get("colour") ?? ""),
  ordinal: field(form, "ordinal") ? Number(field(form, "ordinal")) : null,
});

const done = (message: string) => {
  revalidatePath("/admin/rating-scale");
  return { ok: true, message };
};

export const createRatingAction = formAction(async (user, form) => {
  const rating = await createRating(user.actor, fields(form));
  return done(`“${rating.label}” added to the scale.`);
});

/** Saves a rating; answers with its new version, the one the form edits from now on. */
export const updateRatingAction = formAction<FormState & { version?: number }>(async (user, form) => {
  const rating = await updateRating(user.actor, {
    ratingId: field(form, "ratingId"),
    version: Number(field(form, "version")),
    ...fields(form),
  });
  return { ...done(`“${rating.label}” saved.`), version: rating.version };
});

export const moveRatingAction = formAction(async (user, form) => {
  const ids = (await getRatingScale()).map((r) => r.id);
  const from = ids.indexOf(Number(field(form, "ratingId")));
  const to = from + (field(form, "direction") === "up" ? -1 : 1);
  if (from < 0 || to < 0 || to >= ids.length) return { message: "It is already at that end of the scale." };
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  await reorderRatings(user.actor, { order: ids });
  return done("Scale reordered.");
});

export const deleteRatingAction = formAction(async (user, form) => {
  await deleteRating(user.actor, { ratingId: field(form, "ratingId") });
  return done("Rating deleted.");
});
