import { sql } from "drizzle-orm";
import { ratings } from "@/db/schema";

// The one shape each kind of value has in what queries give pages, routes, feeds and exports, whatever read it:
// drizzle's builder (which maps columns itself) or raw SQL (which gives the driver's values).

/** A rating as every page, feed and export shows it. */
export type RatingView = { key: string; label: string; colour: string; ordinal: number | null };

/** A rating's columns as a query reads them (a left join: all null when the verdict has no rating). */
export type RatingColumns = {
  ratingKey: string | null;
  ratingLabel: string | null;
  ratingColour: string | null;
  ratingOrdinal: number | null;
};

/** The rating of a row that read its columns, or null. */
export function ratingOf(row: RatingColumns): RatingView | null {
  return row.ratingKey === null
    ? null
    : { key: row.ratingKey, label: row.ratingLabel!, colour: row.ratingColour!, ordinal: row.ratingOrdinal };
}

/** An instant as raw SQL reads it (milliseconds, on both engines) as the Date everything else works with. */
export function instantOf(ms: number): Date;
export function instantOf(ms: number | null): Date | null;
export function instantOf(ms: number | null): Date | null {
  return ms === null ? null : new Date(Number(ms));
}

/** A published correction note or retraction notice, as readers see it. */
export type CorrectionView = { kind: "correction" | "retraction"; at: Date; text: string };

/** A rating's columns in raw SQL, from a join of `ratings` as `r`. */
export const RATING_COLUMNS = sql.raw(
  `r.key as "ratingKey", r.label as "ratingLabel", r.colour as "ratingColour", r.ordinal as "ratingOrdinal"`,
);

/**
 * A verdict version's rating columns in raw SQL: as the version was published with it (`rating_versions` as `pr`) once
 * it was, else as the scale has it now (`ratings` as `r`), for a version still in the works.
 */
export const VERSION_RATING_COLUMNS = sql.raw(
  (["key", "label", "colour", "ordinal"] as const)
    .map((c) => `case when pr.id is null then r.${c} else pr.${c} end as "rating${c[0]!.toUpperCase()}${c.slice(1)}"`)
    .join(", "),
);

/** A rating's columns in a drizzle select. */
export const ratingColumns = {
  ratingKey: ratings.key,
  ratingLabel: ratings.label,
  ratingColour: ratings.colour,
  ratingOrdinal: ratings.ordinal,
};

/** A raw row with its rating's columns folded into `rating`. */
export function withRating<T extends RatingColumns>(
  row: T,
): Omit<T, keyof RatingColumns> & { rating: RatingView | null } {
  const { ratingKey, ratingLabel, ratingColour, ratingOrdinal, ...rest } = row;
  return { ...rest, rating: ratingOf({ ratingKey, ratingLabel, ratingColour, ratingOrdinal }) };
}
