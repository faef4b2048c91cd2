"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getRatingScale } from "@/db/queries/ratings";
import { field, formAction, type FormState } from "@/lib/auth/form-action";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { createRating, deleteRating, reorderRatings, updateRating } from "@/lib/services/ratings/manage-ratings";

const fields = (form: FormData) => ({
  label: String(form.get("label") ?? ""),
  description: String(form.get("description") ?? ""),
  colour: String(form.get("colour") ?? ""),
  ordinal: field(form, "ordinal") ? Number(field(form, "ordinal")) : null,
  translations: translationsOf(form),
});

/** The words in the other interface languages: fields `label@uk`, `description@uk`… (only those locales are read). */
function translationsOf(form: FormData): Record<string, { label: string; description: string }> {
  return Object.fromEntries(
    LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((l) => [
      l,
      { label: String(form.get(`label@${l}`) ?? ""), description: String(form.get(`description@${l}`) ?? "") },
    ]),
  );
}

const done = (message: string) => {
  revalidatePath("/admin/rating-scale");
  return { ok: true, message };
};

export const createRatingAction = formAction(async (user, form) => {
  const rating = await createRating(user.actor, fields(form));
  const t = await getTranslations("admin.ratingScale.messages");
  return done(t("added", { label: rating.label }));
});

/** Saves a rating; answers with its new version, the one the form edits from now on. */
export const updateRatingAction = formAction<FormState & { version?: number }>(async (user, form) => {
  const rating = await updateRating(user.actor, {
    ratingId: field(form, "ratingId"),
    version: Number(field(form, "version")),
    ...fields(form),
  });
  const t = await getTranslations("admin.ratingScale.messages");
  return { ...done(t("saved", { label: rating.label })), version: rating.version };
});

export const moveRatingAction = formAction(async (user, form) => {
  const t = await getTranslations("admin.ratingScale.messages");
  const ids = (await getRatingScale()).map((r) => r.id);
  const from = ids.indexOf(Number(field(form, "ratingId")));
  const to = from + (field(form, "direction") === "up" ? -1 : 1);
  if (from < 0 || to < 0 || to >= ids.length) return { message: t("atEnd") };
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  await reorderRatings(user.actor, { order: ids });
  return done(t("reordered"));
});

export const deleteRatingAction = formAction(async (user, form) => {
  await deleteRating(user.actor, { ratingId: field(form, "ratingId") });
  const t = await getTranslations("admin.ratingScale.messages");
  return done(t("deleted"));
});
