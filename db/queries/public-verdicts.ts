import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { claimants, claims, ratings, verdicts } from "@/db/schema";

export type PublishedVerdictSummary = {
  slug: string;
  statement: string;
  claimant: string;
  rating: string | null;
  colour: string | null;
  summary: string;
  publishedAt: Date | null;
};

/** The latest published verdicts (public: only `published` rows ever leave here). */
export function getLatestPublishedVerdicts(limit = 10): PublishedVerdictSummary[] {
  return getDb()
    .select({
      slug: claims.slug,
      statement: claims.statement,
      claimant: claimants.name,
      rating: ratings.label,
      colour: ratings.colour,
      summary: verdicts.summary,
      publishedAt: verdicts.publishedAt,
    })
    .from(verdicts)
    .innerJoin(claims, eq(claims.id, verdicts.claimId))
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .leftJoin(ratings, eq(ratings.id, verdicts.ratingId))
    .where(eq(verdicts.state, "published"))
    .orderBy(desc(verdicts.publishedAt))
    .limit(limit)
    .all();
}
