import { stringify } from "csv-stringify/sync";
import type { ExportRecord } from "@/db/queries/exports";
import { ratingIn } from "@/db/queries/shapes";
import { buildClaimReview } from "./claim-review";
import { appearanceWork } from "./public-claim-review";
import { jsonArrayChunks } from "./json-stream";
import { publicationStatus, recordUrl, type ExportSite } from "./site";

// schema.org's CreativeWork.creativeWorkStatus marks a ClaimReview that is not published.
const WORK_STATUS = {
  draft: "Draft",
  in_review: "In review",
  superseded: "Obsolete",
  retracted: "Retracted",
  published: "Published",
} as const;

/**
 * The ClaimReview of one exported claim with a verdict: the same builder as the claim page's
 * JSON-LD. An unpublished one carries `creativeWorkStatus` (Draft, In review…) and the
 * desk's address, so it can never pass for a published fact check.
 */
export function claimReviewOf(site: ExportSite, r: ExportRecord & { verdict: NonNullable<ExportRecord["verdict"]> }) {
  const review = buildClaimReview({
    claimUrl: recordUrl(site, r),
    org: { name: site.orgName, url: site.orgUrl },
    statement: r.statement,
    language: r.language,
    reviewLanguage: r.verdict.language,
    claimedAt: r.claimedAt,
    claimant: r.claimant,
    document: r.document,
    appearances: r.appearances.map(appearanceWork),
    // The rating in the review's own language, when the scale has its words in it.
    rating: r.verdict.rating
      ? { label: ratingIn(r.verdict.rating, r.verdict.language).label, ordinal: r.verdict.rating.ordinal }
      : null,
    bounds: site.bounds,
    firstPublishedAt: r.firstPublishedAt ?? r.verdict.updatedAt,
    publishedAt: r.verdict.publishedAt ?? r.verdict.updatedAt,
  });
  return r.published ? review : { ...review, creativeWorkStatus: WORK_STATUS[r.verdict.state] };
}

/** ClaimReview JSON-LD: a JSON array with one ClaimReview per verdict, written one claim at a time. */
export function claimReviewChunks(
  site: ExportSite,
  records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>,
): AsyncGenerator<string> {
  // A claim without a verdict has no review.
  return jsonArrayChunks(null, "", records, (r) =>
    r.verdict ? claimReviewOf(site, { ...r, verdict: r.verdict }) : undefined,
  );
}

export const CSV_COLUMNS = [
  "claim_id",
  "claim_url",
  "document_id",
  "document",
  "document_url",
  "claimant_id",
  "claimant",
  "quote",
  "statement",
  "claimed_at",
  "rating",
  "summary",
  "state",
  "published",
  "first_published_at",
  "published_at",
  "evidence_count",
  "evidence_urls",
  // Added later, at the end, so that columns read by position keep theirs.
  "language",
  "verdict_language",
] as const;

/**
 * A spreadsheet runs a cell that begins with =, +, -, @ (or a tab or carriage return) as a
 * formula: such cells get a leading apostrophe, the OWASP-recommended neutralisation.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? "";

/** CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheets): a header, then one row per claim. */
export async function* csvChunks(
  site: ExportSite,
  records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>,
): AsyncGenerator<string> {
  yield "\ufeff" + stringify([[...CSV_COLUMNS]], { record_delimiter: "\r\n" });
  for await (const r of records) {
    const row = [
      String(r.id),
      recordUrl(site, r),
      String(r.document.id),
      r.document.title,
      r.document.sourceUrl ?? "",
      String(r.claimant.id),
      r.claimant.name,
      r.quote,
      r.statement,
      r.claimedAt ?? "",
      r.verdict?.rating?.label ?? "",
      r.verdict?.summary ?? "",
      publicationStatus(r),
      r.published ? "yes" : "no",
      iso(r.firstPublishedAt),
      iso(r.verdict?.publishedAt),
      String(r.evidence.length),
      r.evidence.map((e) => e.url).join(" "),
      r.language ?? "",
      r.verdict?.language ?? "",
    ].map(neutraliseCell);
    yield stringify([row], { record_delimiter: "\r\n" });
  }
}
