import type { ExportRecord } from "@/db/queries/exports";
import { claimReviewOf } from "./formats";
import type { ExportSite } from "./site";
import { text, type Text } from "@/lib/i18n/text";
import { validateClaimReview } from "./validate-claim-review";

export type ClaimReviewCheck = {
  /** ClaimReviews checked (claims with a verdict, up to the limit). */
  checked: number;
  /** Whether there were more than `limit` to check. */
  truncated: boolean;
  /** Each problem once, with how many reviews have it and one claim that does. */
  errors: { message: Text; count: number; example: { id: number; statement: string } }[];
  warnings: { message: Text; count: number; example: { id: number; statement: string } }[];
};

/**
 * Runs Google's ClaimReview rules (`validateClaimReview`) over an export's reviews, for the
 * export page: each error and warning with the number of reviews it concerns. The records are read as they are checked.
 */
export async function checkClaimReviews(
  site: ExportSite,
  records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>,
  limit = 10_000,
): Promise<ClaimReviewCheck> {
  const errors = new Map<string, ClaimReviewCheck["errors"][number]>();
  const warnings = new Map<string, ClaimReviewCheck["warnings"][number]>();
  // The same problem, however worded, is counted once: by its English text.
  const tally = (into: typeof errors, message: Text, r: ExportRecord) => {
    const seen = into.get(String(message));
    if (seen) seen.count++;
    else into.set(String(message), { message, count: 1, example: { id: r.id, statement: r.statement } });
  };
  let checked = 0;
  for await (const r of records) {
    if (!r.verdict) continue;
    if (checked === limit)
      return { checked, truncated: true, errors: [...errors.values()], warnings: [...warnings.values()] };
    const report = validateClaimReview(claimReviewOf(site, { ...r, verdict: r.verdict }), site.publicBaseUrl);
    for (const message of report.errors) tally(errors, message, r);
    for (const message of report.warnings) tally(warnings, message, r);
    if (!r.published) tally(warnings, text("errors.claimReview.notPublished"), r);
    checked++;
  }
  return { checked, truncated: false, errors: [...errors.values()], warnings: [...warnings.values()] };
}
