import { getRatingBounds } from "@/db/queries/public/claim";
import { publishedClaimsForExport, type ExportScope } from "@/db/queries/public/export-claims";
import { getEnv } from "@/lib/config/env";
import { ServiceError } from "@/lib/services/errors";
import { claimReviewChunks, csvChunks } from "./formats";

export const EXPORT_FORMATS = {
  claimreview: { type: "application/ld+json; charset=utf-8", extension: "jsonld", write: claimReviewChunks },
  csv: { type: "text/csv; charset=utf-8", extension: "csv", write: csvChunks },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a format name and scope (from a URL or the command line); refuses what is not offered. */
export function parseExportRequest(format: string, get: (name: string) => string | null | undefined): { format: ExportFormat; scope: ExportScope } {
  if (!(format in EXPORT_FORMATS)) {
    throw new ServiceError("not_found", `No export format “${format}”. Available: ${Object.keys(EXPORT_FORMATS).join(", ")}.`);
  }
  if (get("includeDrafts")) {
    throw new ServiceError("validation_failed", "Exports of unpublished work are not available yet: only published verdicts are exported.", [
      { path: "includeDrafts", message: "is not supported yet" },
    ]);
  }
  const scope: ExportScope = {};
  for (const key of ["document", "dispute", "claimant"] as const) {
    const v = get(key);
    if (v) scope[key] = v;
  }
  for (const key of ["from", "to"] as const) {
    const v = get(key);
    if (v && !(DATE.test(v) && !Number.isNaN(Date.parse(v)))) {
      throw new ServiceError("validation_failed", `${key} must be a date as YYYY-MM-DD.`, [{ path: key, message: "must be a date as YYYY-MM-DD" }]);
    }
    if (v) scope[key] = v;
  }
  return { format: format as ExportFormat, scope };
}

/** The chunks of an export of published verdicts, produced one claim at a time. */
export function exportChunks(format: ExportFormat, scope: ExportScope): Generator<string> {
  const env = getEnv();
  const site = { publicBaseUrl: env.publicBaseUrl, orgName: env.orgName, orgUrl: env.orgUrl, bounds: getRatingBounds() };
  return EXPORT_FORMATS[format].write(site, publishedClaimsForExport(scope));
}
