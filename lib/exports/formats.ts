import { stringify } from "csv-stringify/sync";
import type { ExportClaim } from "@/db/queries/public/export-claims";
import { buildClaimReview } from "./claim-review";

export type ExportSite = { publicBaseUrl: string; orgName: string; orgUrl: string; bounds: { worst: number; best: number } | null };

const claimUrl = (site: ExportSite, c: ExportClaim) => `${site.publicBaseUrl}/claims/${c.slug}`;

/** The ClaimReview of one exported claim: the same builder as the claim page's JSON-LD. */
export function claimReviewOf(site: ExportSite, c: ExportClaim) {
  return buildClaimReview({
    claimUrl: claimUrl(site, c),
    org: { name: site.orgName, url: site.orgUrl },
    statement: c.statement,
    claimedAt: c.claimedAt,
    claimant: { name: c.claimantName, sameAs: c.claimantSameAs },
    appearance: c.documentSourceUrl ? { url: c.documentSourceUrl, headline: c.documentTitle, publisher: c.documentPublisher, datePublished: c.documentPublishedAt } : null,
    rating: c.ratingLabel ? { label: c.ratingLabel, ordinal: c.ratingOrdinal } : null,
    bounds: site.bounds,
    firstPublishedAt: new Date(c.firstPublishedAt),
    publishedAt: new Date(c.publishedAt),
  });
}

/** ClaimReview JSON-LD: a JSON array of ClaimReview objects, written one claim at a time. */
export function* claimReviewChunks(site: ExportSite, claims: Iterable<ExportClaim>): Generator<string> {
  yield "[";
  let first = true;
  for (const c of claims) {
    yield (first ? "\n" : ",\n") + JSON.stringify(claimReviewOf(site, c));
    first = false;
  }
  yield "\n]\n";
}

export const CSV_COLUMNS = [
  "claim_id",
  "claim_url",
  "document",
  "document_url",
  "claimant",
  "quote",
  "statement",
  "claimed_at",
  "rating",
  "summary",
  "state",
  "published_at",
  "evidence_count",
  "evidence_urls",
] as const;

/**
 * A spreadsheet runs a cell that begins with =, +, -, @ (or a tab or carriage return) as a
 * formula: such cells get a leading apostrophe, the OWASP-recommended neutralisation.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheets): a header, then one row per claim. */
export function* csvChunks(site: ExportSite, claims: Iterable<ExportClaim>): Generator<string> {
  yield "\ufeff" + stringify([[...CSV_COLUMNS]], { record_delimiter: "\r\n" });
  for (const c of claims) {
    const row = [
      String(c.id),
      claimUrl(site, c),
      c.documentTitle,
      c.documentSourceUrl ?? "",
      c.claimantName,
      c.quote,
      c.statement,
      c.claimedAt ?? "",
      c.ratingLabel ?? "",
      c.summary,
      "published",
      new Date(c.publishedAt).toISOString(),
      String(c.evidence.length),
      c.evidence.map((e) => e.url).join(" "),
    ].map(neutraliseCell);
    yield stringify([row], { record_delimiter: "\r\n" });
  }
}
