import { sql } from "drizzle-orm";
import { ratings, type RatingTranslations } from "@/db/schema";

// The one shape each kind of value has in what queries give pages, routes, feeds and exports, whatever read it:
// drizzle's builder (which maps columns itself) or raw SQL (which gives the driver's values).

/**
 * A rating as every page, feed and export shows it; `translations`: its label (and description) in other languages
 * (`ratingIn` picks the one for a locale).
 */
export type RatingView = {
  key: string;
  label: string;
  colour: string;
  ordinal: number | null;
  translations?: RatingTranslations | null;
};

/** A rating's columns as a query reads them (a left join: all null when the verdict has no rating). */
export type RatingColumns = {
  ratingKey: string | null;
  ratingLabel: string | null;
  ratingColour: string | null;
  ratingOrdinal: number | null;
  /** JSON text from raw SQL, parsed from a drizzle select. */
  ratingTranslations?: string | RatingTranslations | null;
};

/** The rating of a row that read its columns, or null. */
export function ratingOf(row: RatingColumns): RatingView | null {
  if (row.ratingKey === null) return null;
  const translations =
    typeof row.ratingTranslations === "string"
      ? (JSON.parse(row.ratingTranslations) as RatingTranslations)
      : (row.ratingTranslations ?? null);
  return {
    key: row.ratingKey,
    label: row.ratingLabel!,
    colour: row.ratingColour!,
    ordinal: row.ratingOrdinal,
    translations,
  };
}

/**
 * A rating's words in a language: its translation for that locale (or for the locale's language: `uk` for `uk-UA`),
 * else the words it was written with.
 */
export function ratingIn<R extends { label: string; description?: string; translations?: RatingTranslations | null }>(
  rating: R,
  locale: string | null | undefined,
): { label: string; description: string } {
  const own = { label: rating.label, description: rating.description ?? "" };
  if (!locale || !rating.translations) return own;
  const t = rating.translations[locale] ?? rating.translations[locale.split("-")[0]!];
  return t ? { label: t.label || own.label, description: t.description || own.description } : own;
}

/** An instant as raw SQL reads it (milliseconds, on both engines) as the Date everything else works with. */
export function instantOf(ms: number): Date;
export function instantOf(ms: number | null): Date | null;
export function instantOf(ms: number | null): Date | null {
  return ms === null ? null : new Date(Number(ms));
}

/** A published correction note or retraction notice, as readers see it, and its language (BCP 47) when known. */
export type CorrectionView = { kind: "correction" | "retraction"; at: Date; text: string; language?: string | null };

/** A rating's columns in raw SQL, from a join of `ratings` as `r`. */
export const RATING_COLUMNS = sql.raw(
  `r.key as "ratingKey", r.label as "ratingLabel", r.colour as "ratingColour", r.ordinal as "ratingOrdinal", r.translations as "ratingTranslations"`,
);

/**
 * A verdict version's rating columns in raw SQL: as the version was published with it (`rating_versions` as `pr`) once
 * it was, else as the scale has it now (`ratings` as `r`), for a version still in the works.
 */
export const VERSION_RATING_COLUMNS = sql.raw(
  (["key", "label", "colour", "ordinal", "translations"] as const)
    .map((c) => `case when pr.id is null then r.${c} else pr.${c} end as "rating${c[0]!.toUpperCase()}${c.slice(1)}"`)
    .join(", "),
);

/** A rating's columns in a drizzle select. */
export const ratingColumns = {
  ratingKey: ratings.key,
  ratingLabel: ratings.label,
  ratingColour: ratings.colour,
  ratingOrdinal: ratings.ordinal,
  ratingTranslations: ratings.translations,
};

/** A raw row with its rating's columns folded into `rating`. */
export function withRating<T extends RatingColumns>(
  row: T,
): Omit<T, keyof RatingColumns> & { rating: RatingView | null } {
  const { ratingKey, ratingLabel, ratingColour, ratingOrdinal, ratingTranslations, ...rest } = row;
  return { ...rest, rating: ratingOf({ ratingKey, ratingLabel, ratingColour, ratingOrdinal, ratingTranslations }) };
}
