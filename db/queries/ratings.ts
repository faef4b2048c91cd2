import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ratings, type RatingTranslations } from "@/db/schema";

/** A rating of the scale; `translations`: its label and description in other interface languages (`ratingIn`). */
export type RatingView = {
  id: number;
  key: string;
  label: string;
  description: string;
  ordinal: number | null;
  colour: string;
  translations: RatingTranslations | null;
};

/** The rating scale in display order (public). */
export async function getRatingScale(): Promise<RatingView[]> {
  return await getDb()
    .select({
      id: ratings.id,
      key: ratings.key,
      label: ratings.label,
      description: ratings.description,
      ordinal: ratings.ordinal,
      colour: ratings.colour,
      translations: ratings.translations,
    })
    .from(ratings)
    .orderBy(asc(ratings.position));
}

/** Every rating with its version, in order (for the admin page). */
export async function listRatingsForAdmin() {
  return await getDb().select().from(ratings).orderBy(asc(ratings.position));
}
