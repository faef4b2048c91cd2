import type { ExportRecord } from "@/db/queries/exports";
import { claimPageUrl } from "./public-claim-review";

/** What every export format needs to know about the site it is made for. */
export type ExportSite = {
  publicBaseUrl: string;
  orgName: string;
  orgUrl: string;
  /** The rating scale's true–false order (ClaimReview's worst and best values). */
  bounds: { worst: number; best: number } | null;
  generatedAt: Date;
};

/** A claim's address: its public page when published, else its page on the desk (sign-in needed). */
export function recordUrl(site: ExportSite, r: ExportRecord): string {
  return r.published ? claimPageUrl(site, r.slug) : `${site.publicBaseUrl}/editor/claims/${r.id}`;
}

/** The dereferenceable id of a claim's W3C annotation (`GET /api/v1/annotations/{id}`). */
export function annotationUrl(site: ExportSite, claimId: number): string {
  return `${site.publicBaseUrl}/api/v1/annotations/${claimId}`;
}

const STATE_LABELS = {
  draft: "unpublished draft",
  in_review: "unpublished, in review",
  superseded: "unpublished (superseded)",
  retracted: "retracted (unpublished)",
} as const;

/**
 * Where a claim stands, in words every format uses: "published", or a label that says
 * plainly that it is not (every unpublished item is marked as such in every format).
 */
export function publicationStatus(r: ExportRecord): string {
  if (r.published) return "published";
  if (!r.verdict) return "unpublished, no verdict yet";
  return STATE_LABELS[r.verdict.state as keyof typeof STATE_LABELS];
}
