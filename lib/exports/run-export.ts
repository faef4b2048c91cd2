import { getRatingBounds } from "@/db/queries/public/claim";
import { scopeNames, type ExportMode, type ExportScope } from "@/db/queries/export-scope";
import { claimsForExport, correctionsForExport, countClaimsForExport, disputesForExport } from "@/db/queries/exports";
import { getDb } from "@/db/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { text } from "@/lib/i18n/text";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { claimReviewChunks, csvChunks } from "./formats";
import { jsonChunks } from "./json";
import type { ReportInput } from "./report";
import { reportPdfChunks } from "./report-pdf";
import type { ExportSite } from "./site";
import { ANNOTATION_MEDIA_TYPE, annotationCollectionChunks, annotationPageChunks } from "./w3c";

/** One export, parsed and allowed: what `EXPORT_FORMATS[format].write` needs. */
export type ExportJob = {
  format: ExportFormat;
  scope: ExportScope;
  mode: ExportMode;
  /** The scope in words, for titles and labels. */
  label: string;
  /** The names of the scope's records (to word the scope in another language: the report's `reportWords`). */
  names: ScopeNames;
  /** The language of the PDF report's words (`?locale=`; English by default). The data are never translated. */
  locale: Locale;
  /** This export's own URL (the W3C collection's id). */
  url: string;
  /** `page=1` of a W3C export: the collection's page alone. */
  page: boolean;
  site: ExportSite;
};

export type ScopeNames = Awaited<ReturnType<typeof scopeNames>>;

type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
const records = (job: ExportJob) => claimsForExport(job.scope, job.mode);

/** The W3C collection (or its page): the count of its annotations is read when the first chunk is asked for. */
async function* w3cChunks(job: ExportJob): AsyncGenerator<string> {
  const meta = {
    collectionId: job.url,
    label: `${job.site.orgName}: claims — ${job.label}`,
    total: await countClaimsForExport(job.scope, job.mode),
  };
  yield* (job.page ? annotationPageChunks : annotationCollectionChunks)(job.site, records(job), meta);
}

/** The PDF report: its disputes and corrections are read when the first chunk is asked for. */
async function* pdfChunks(job: ExportJob): AsyncGenerator<Uint8Array> {
  yield* reportPdfChunks(await reportInput(job), job.locale);
}

export const EXPORT_FORMATS = {
  claimreview: {
    type: "application/ld+json; charset=utf-8",
    extension: "jsonld",
    title: "ClaimReview JSON-LD",
    write: (job: ExportJob): Chunks => claimReviewChunks(job.site, records(job)),
  },
  w3c: {
    type: ANNOTATION_MEDIA_TYPE,
    extension: "jsonld",
    title: "W3C Web Annotation",
    write: (job: ExportJob): Chunks => w3cChunks(job),
  },
  csv: {
    type: "text/csv; charset=utf-8",
    extension: "csv",
    title: "CSV",
    write: (job: ExportJob): Chunks => csvChunks(job.site, records(job)),
  },
  json: {
    type: "application/json; charset=utf-8",
    extension: "json",
    title: "JSON",
    write: (job: ExportJob): Chunks =>
      jsonChunks(job.site, records(job), {
        scope: job.scope,
        label: job.label,
        includesUnpublished: job.mode.includeUnpublished,
      }),
  },
  pdf: {
    type: "application/pdf",
    extension: "pdf",
    title: "PDF report",
    write: (job: ExportJob): Chunks => pdfChunks(job),
  },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCOPE_KEYS = ["claim", "document", "dispute", "claimant", "from", "to"] as const;
const SCOPE_WORDS = { claim: "Claim", document: "Document", dispute: "Dispute", claimant: "Claimant" } as const;

/**
 * Reads a scope (from a URL or the command line); refuses a bad date, and a record that is not there (for this mode)
 * with 404.
 */
export async function parseScope(
  get: (name: string) => string | null | undefined,
  mode: ExportMode,
): Promise<{ scope: ExportScope; label: string; names: ScopeNames }> {
  const scope: ExportScope = {};
  for (const key of SCOPE_KEYS) {
    const v = get(key)
      ?.replace(/\u0000/g, "")
      .trim();
    if (!v) continue;
    if ((key === "from" || key === "to") && !(DATE.test(v) && !Number.isNaN(Date.parse(v)))) {
      throw new ServiceError("validation_failed", text("errors.exports.badDate", { field: key }), [
        fieldIssue(key, text("validation.isoDate")),
      ]);
    }
    scope[key] = v;
  }
  const names = await scopeNames(scope, mode);
  const parts: string[] = [];
  for (const key of ["claim", "document", "dispute", "claimant"] as const) {
    if (!(key in names)) continue;
    if (names[key] === null)
      throw new ServiceError("not_found", text("errors.exports.noRecord", { kind: key, ref: scope[key]! }));
    parts.push(`${SCOPE_WORDS[key]}: ${names[key]}`);
  }
  if (scope.from || scope.to)
    parts.push([scope.from && `from ${scope.from}`, scope.to && `to ${scope.to}`].filter(Boolean).join(" "));
  return { scope, label: parts.join("; ") || "Everything", names };
}

/** The site every export is made for, as configured now. */
export async function exportSite(): Promise<ExportSite> {
  const env = getEnv();
  return {
    publicBaseUrl: env.publicBaseUrl,
    orgName: env.orgName,
    orgUrl: env.orgUrl,
    bounds: await getRatingBounds(),
    generatedAt: new Date(),
  };
}

/** An export's canonical URL: `/api/v1/exports/{format}` with its scope, in a fixed order. */
export function exportUrl(site: ExportSite, format: ExportFormat, scope: ExportScope, mode: ExportMode): string {
  const q = new URLSearchParams();
  for (const key of SCOPE_KEYS) if (scope[key]) q.set(key, scope[key]);
  if (mode.includeUnpublished) q.set("includeDrafts", "1");
  const query = q.toString();
  return `${site.publicBaseUrl}/api/v1/exports/${format}${query ? `?${query}` : ""}`;
}

/** A scope opened for a caller: what every export and the printable report are made from. */
export type OpenScope = Pick<ExportJob, "scope" | "mode" | "label" | "names" | "site">;

/**
 * Reads a scope for a caller and — for unpublished work (`includeDrafts=1`) — checks that
 * the caller is an editor or admin (401 without a caller, 403 for a contributor).
 * Published work is anyone's.
 */
export async function openScope(
  actor: Actor | null,
  get: (name: string) => string | null | undefined,
): Promise<OpenScope> {
  const drafts = get("includeDrafts");
  if (drafts && !["1", "true", "0", "false"].includes(drafts)) {
    throw new ServiceError("validation_failed", text("errors.exports.includeDrafts"), [
      fieldIssue("includeDrafts", text("validation.oneOrZero")),
    ]);
  }
  const mode = { includeUnpublished: drafts === "1" || drafts === "true" };
  if (mode.includeUnpublished) await authorize(getDb(), actor, "exports:drafts");
  return { ...(await parseScope(get, mode)), mode, site: await exportSite() };
}

/** Opens an export for a caller: the format, `page` (W3C only), and the scope as `openScope` reads it. */
export async function openExport(
  actor: Actor | null,
  format: string,
  get: (name: string) => string | null | undefined,
): Promise<ExportJob> {
  if (!(format in EXPORT_FORMATS)) {
    throw new ServiceError(
      "not_found",
      text("errors.exports.unknownFormat", { format, available: Object.keys(EXPORT_FORMATS).join(", ") }),
    );
  }
  const page = get("page");
  if (page && (format !== "w3c" || page !== "1"))
    throw new ServiceError("not_found", text(format === "w3c" ? "errors.exports.onePage" : "errors.exports.noPages"));
  const open = await openScope(actor, get);
  const locale = get("locale");
  return {
    ...open,
    locale: format === "pdf" && isLocale(locale) ? locale : DEFAULT_LOCALE,
    format: format as ExportFormat,
    url: exportUrl(open.site, format as ExportFormat, open.scope, open.mode),
    page: Boolean(page),
  };
}

/** What the verdict report (PDF, printable page) shows for a scope; the claims are read as they are written. */
export async function reportInput(open: OpenScope): Promise<ReportInput> {
  const [disputes, corrections] = await Promise.all([
    disputesForExport(open.scope, open.mode),
    correctionsForExport(open.scope),
  ]);
  return {
    site: open.site,
    scope: open.scope,
    scopeNames: open.names,
    includesUnpublished: open.mode.includeUnpublished,
    disputes,
    records: claimsForExport(open.scope, open.mode),
    corrections,
  };
}

/** The file name an export is downloaded as. */
export function exportFileName(job: ExportJob): string {
  return `claimdesk-${job.format}${job.mode.includeUnpublished ? "-with-unpublished" : ""}-${job.site.generatedAt.toISOString().slice(0, 10)}.${EXPORT_FORMATS[job.format].extension}`;
}
