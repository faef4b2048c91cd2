import type { ExportRecord } from "@/db/queries/exports";
import { publicationStatus, recordUrl, type ExportSite } from "./site";
import { jsonArrayChunks } from "./json-stream";
import { documentUrl } from "./w3c";

/**
 * The full nested record of one claim: document, claimant, disputes, selectors, verdict with versions, evidence with
 * stances.
 */
export function claimJson(site: ExportSite, r: ExportRecord) {
  const { quote, prefix, suffix, start, end, ...rest } = r;
  return {
    ...rest,
    url: recordUrl(site, r),
    status: publicationStatus(r),
    quote,
    selectors: [
      { type: "TextQuoteSelector", exact: quote, prefix, suffix },
      // Offsets hold the quote only while the claim is anchored in the current text.
      ...(r.anchorStatus === "anchored" ? [{ type: "TextPositionSelector", start, end }] : []),
    ],
    document: { ...r.document, url: documentUrl(site, r.document) },
  };
}

/**
 * JSON: `{ generator, organisation, exportedAt, scope, includesUnpublished, claims: [...] }`,
 * written one claim at a time. Dates are ISO 8601; text positions count code points.
 */
export function jsonChunks(
  site: ExportSite,
  records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>,
  meta: { scope: Record<string, string | number>; label: string; includesUnpublished: boolean },
): AsyncGenerator<string> {
  const head = {
    generator: { name: "Claimdesk", homepage: site.publicBaseUrl },
    organisation: { name: site.orgName, url: site.orgUrl },
    exportedAt: site.generatedAt.toISOString(),
    scope: { label: meta.label, ...meta.scope },
    includesUnpublished: meta.includesUnpublished,
  };
  return jsonArrayChunks(head, "claims", records, (r) => claimJson(site, r));
}
