import { inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { factChecks, type FactCheck } from "@/db/schema";
import { execute } from "@/db/sql";
import { authorize, type Actor } from "@/lib/auth/actor";
import { checkReview, findReviews, type FactCheckFields } from "@/lib/exports/claim-review-import";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError, type FieldIssue } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { text } from "@/lib/i18n/text";

/**
 * The largest file `POST /api/v1/fact-checks/import` reads: 50,000 reviews are about 50 MB of JSON (a ClaimReview with
 * its claimant, dates and rating is about 1 KB), with room to spare.
 */
export const MAX_FACT_CHECK_FILE_BYTES = 64 * 1024 * 1024;

/** How many problems (and replaced duplicates) a result lists; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 1_000;

/** A review left out because a later one in the same file has the same (normalised) URL. */
export type ReplacedReview = { path: string; url: string; replacedBy: string };

export type FactCheckImportResult = {
  /** The reviews the file holds (each `claimReview` entry of the search API's JSON counts as one). */
  reviews: number;
  counts: {
    /** New to the library. */
    added: number;
    /** Already in it (by URL) with other values: those of the file replace them. */
    updated: number;
    /** Already in it with the very same values: not written. */
    unchanged: number;
    /** Invalid: left out, each problem in `problems`. */
    skipped: number;
    /** Replaced by a later review of the file with the same URL (`duplicates`). */
    duplicates: number;
  };
  /** Each problem of the invalid reviews, by its path in the file (the first `MAX_LISTED_PROBLEMS`). */
  problems: FieldIssue[];
  duplicates: ReplacedReview[];
  /** What `problems` and `duplicates` leave out past `MAX_LISTED_PROBLEMS`. */
  notListed: { problems: number; duplicates: number };
};

/** The stored fields a review has; a re-import that changes none of them changes nothing. */
const FIELDS = [
  "claimReviewed",
  "rating",
  "publisherName",
  "publisherUrl",
  "claimant",
  "claimDate",
  "reviewDate",
  "language",
  "title",
] as const satisfies readonly (keyof FactCheckFields)[];

/**
 * Rows written a statement: 13 values a row, well under SQLite's 32,766 variables and PostgreSQL's 65,535 parameters a
 * statement. URLs looked up a statement, likewise.
 */
const CHUNK = 1_000;
/** Checking gives the event loop back every this many reviews, so that other requests go on meanwhile. */
const CHECK_BATCH = 2_000;
const giveBackEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/** Checks the caller may import known fact-checks (editor, admin): before a large body is read. */
export async function assertCanImportFactChecks(actor: Actor | null): Promise<void> {
  await authorize(getDb(), actor, "fact-checks:import");
}

/**
 * Imports other fact-checkers' published reviews into the library of known fact-checks (editor, admin): `raw` is the
 * parsed file — ClaimReview (one, a list, a JSON-LD `@graph`, a `DataFeed` of ClaimReviews or `DataFeedItem`s) or a
 * fact-check search API's JSON (`{claims: [{text, claimant, claimDate, claimReview: […]}]}`), at most 50,000 reviews
 * (`MAX_IMPORTED_REVIEWS`; more are refused with 413).
 *
 * Each review is checked on its own: an invalid one is left out (`skipped`), each of its problems listed by its path in
 * the file. A review is identified by its normalised URL: one already in the library is updated if anything differs
 * and left alone if nothing does; of two reviews of the file with the same URL the later one is taken and the earlier
 * reported in `duplicates`. The valid reviews are written in one transaction, a thousand rows a statement, with one
 * audit event for the import: all of them or, if the write fails, none. A file with no valid review is refused (422),
 * every problem listed, and nothing is written.
 */
export async function importFactChecks(actor: Actor | null, raw: unknown): Promise<FactCheckImportResult> {
  await assertCanImportFactChecks(actor);
  const slots = findReviews(raw);

  const problems: FieldIssue[] = [];
  const listed = new Set<string>();
  let problemCount = 0;
  let skipped = 0;
  // The last valid review of each URL, in the order of their first appearance.
  const valid = new Map<string, { path: string; fields: FactCheckFields }>();
  const duplicates: ReplacedReview[] = [];
  let duplicateCount = 0;

  for (const [i, slot] of slots.entries()) {
    if (i > 0 && i % CHECK_BATCH === 0) await giveBackEventLoop();
    const checked = checkReview(slot);
    if ("issues" in checked) {
      skipped++;
      for (const issue of checked.issues) {
        // A claim's text is every one of its reviews' text: its problem is listed once.
        const key = `${issue.path}\u0000${issue.message}`;
        if (listed.has(key)) continue;
        listed.add(key);
        problemCount++;
        if (problems.length < MAX_LISTED_PROBLEMS) problems.push(issue);
      }
      continue;
    }
    const earlier = valid.get(checked.fields.url);
    if (earlier) {
      duplicateCount++;
      if (duplicates.length < MAX_LISTED_PROBLEMS)
        duplicates.push({ path: earlier.path, url: checked.fields.url, replacedBy: slot.path });
    }
    valid.set(checked.fields.url, { path: slot.path, fields: checked.fields });
  }

  if (valid.size === 0) {
    const summary = problems
      .slice(0, 5)
      .map((p) => `${p.path}: ${p.message}`)
      .join("; ");
    const values = { summary, more: Math.max(0, problemCount - 5) };
    throw new ServiceError(
      "validation_failed",
      slots.length === 1
        ? text("errors.factChecks.nothingImportedOne", values)
        : text("errors.factChecks.nothingImported", { ...values, n: slots.length }),
      problems,
    );
  }

  const reviews = [...valid.values()].map((v) => v.fields);
  const counts = await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "fact-checks:import");
    const written = await upsertFactChecks(tx, reviews, who.id);
    const counts = { ...written, skipped, duplicates: duplicateCount };
    await recordAudit(tx, who, {
      action: "fact_checks.import",
      // An import is no record of its own: its events are found by their type, in time order.
      entityType: "fact_check_import",
      entityId: 0,
      after: { reviews: slots.length, ...counts },
    });
    return counts;
  });

  return {
    reviews: slots.length,
    counts,
    // As the API answers them: path and English message.
    problems,
    duplicates,
    notListed: { problems: problemCount - problems.length, duplicates: duplicateCount - duplicates.length },
  };
}

/**
 * Writes reviews (each URL once) into the library: those not in it are added, those in it with other values updated
 * (their `createdAt` kept), those with the same values left untouched. One statement a thousand rows, inserts and
 * updates together.
 */
async function upsertFactChecks(
  tx: Tx,
  reviews: FactCheckFields[],
  importedBy: number | null,
): Promise<{ added: number; updated: number; unchanged: number }> {
  const stored = new Map<string, Pick<FactCheck, (typeof FIELDS)[number]>>();
  for (let from = 0; from < reviews.length; from += CHUNK) {
    const urls = reviews.slice(from, from + CHUNK).map((r) => r.url);
    const rows = await tx
      .select({
        url: factChecks.url,
        claimReviewed: factChecks.claimReviewed,
        rating: factChecks.rating,
        publisherName: factChecks.publisherName,
        publisherUrl: factChecks.publisherUrl,
        claimant: factChecks.claimant,
        claimDate: factChecks.claimDate,
        reviewDate: factChecks.reviewDate,
        language: factChecks.language,
        title: factChecks.title,
      })
      .from(factChecks)
      .where(inArray(factChecks.url, urls));
    for (const row of rows) stored.set(row.url, row);
  }

  let added = 0;
  let updated = 0;
  const changed: FactCheckFields[] = [];
  for (const review of reviews) {
    const before = stored.get(review.url);
    if (before && FIELDS.every((f) => before[f] === review[f])) continue;
    if (before) updated++;
    else added++;
    changed.push(review);
  }

  // Raw SQL that both engines read: drizzle's insert builder spends longer on 50,000 rows' values than the database
  // spends writing them (a second more on PostgreSQL). An updated row takes the file's values, who imported them and
  // when; it keeps its id and `created_at`. Instants are milliseconds on both engines.
  const at = Date.now();
  for (let from = 0; from < changed.length; from += CHUNK) {
    if (from > 0) await giveBackEventLoop();
    const rows = changed
      .slice(from, from + CHUNK)
      .map(
        (r) =>
          sql`(${r.url}, ${r.claimReviewed}, ${r.rating}, ${r.publisherName}, ${r.publisherUrl}, ${r.claimant}, ${r.claimDate}, ${r.reviewDate}, ${r.language}, ${r.title}, ${importedBy}, ${at}, ${at})`,
      );
    await execute(
      tx,
      sql`insert into fact_checks (url, claim_reviewed, rating, publisher_name, publisher_url, claimant, claim_date,
          review_date, language, title, imported_by, created_at, updated_at)
        values ${sql.join(rows, sql`, `)}
        on conflict (url) do update set claim_reviewed = excluded.claim_reviewed, rating = excluded.rating,
          publisher_name = excluded.publisher_name, publisher_url = excluded.publisher_url,
          claimant = excluded.claimant, claim_date = excluded.claim_date, review_date = excluded.review_date,
          language = excluded.language, title = excluded.title, imported_by = excluded.imported_by,
          updated_at = excluded.updated_at`,
    );
  }
  return { added, updated, unchanged: reviews.length - added - updated };
}
