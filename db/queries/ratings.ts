import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ratings } from "@/db/schema";

export type RatingView = {
  id: number;
  key: string;
  label: string;
  description: string;
  ordinal: number | null;
  colour: string;
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
    })
    .from(ratings)
    .orderBy(asc(ratings.position));
}

/** Every rating with its version, in order (for the admin page). */
export async function listRatingsForAdmin() {
  return await getDb().select().from(ratings).orderBy(asc(ratings.position));
}
