import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { claimsForExport, countClaimsForExport } from "@/db/queries/exports";
import { listClaimants } from "@/db/queries/claimants";
import { listDisputes } from "@/db/queries/disputes";
import { listDocuments } from "@/db/queries/documents";
import { requireUser, userCan } from "@/lib/auth/session";
import { checkClaimReviews } from "@/lib/exports/claim-review-check";
import { EXPORT_FORMATS, exportUrl, openScope, type ExportFormat, type OpenScope } from "@/lib/exports/run-export";
import { isServiceError } from "@/lib/services/errors";

export const metadata: Metadata = { title: "Exports" };

type Search = Record<string, string | undefined>;

const FORMAT_NOTES: Record<ExportFormat, string> = {
  csv: "one row per claim, for spreadsheets (RFC 4180, UTF-8)",
  pdf: "the verdict report, for reading and sending",
  claimreview: "schema.org ClaimReview JSON-LD, for partners and search engines",
  w3c: "a W3C Web Annotation collection, for annotation tools",
  json: "the full nested record of each claim",
};

const SELECT = "w-full rounded-md border border-line bg-white px-3 py-2 text-sm";

/**
 * `/editor/exports`: choose a scope (everything, a document, a dispute, a claimant, dates)
 * and — editors only — whether to include unpublished work; the page shows how many claims
 * that is, the ClaimReview checks (Google's rules) as warnings, and a download per format.
 */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const query = await searchParams;
  const user = await requireUser("/editor/exports");
  const mayIncludeDrafts = userCan(user, "exports:drafts");
  const asked = Object.keys(query).length > 0; // the form was sent, even empty (everything)

  let open: OpenScope | null = null;
  let problem: string | null = null;
  if (asked) {
    try {
      open = await openScope(user.actor, (k) => query[k]);
    } catch (e) {
      if (!isServiceError(e)) throw e;
      problem = e.message;
    }
  }
  const [documents, disputes, claimants] = await Promise.all([
    listDocuments(500),
    listDisputes(),
    listClaimants("", 500),
  ]);
  const option = (value: string | undefined, list: { value: string; label: string }[]) =>
    value && !list.some((o) => o.value === value) ? [{ value, label: value }, ...list] : list;

  return (
    <>
      <PageHeader title="Exports">Verdicts for partners, researchers, annotation tools and the desk.</PageHeader>
      <form
        method="get"
        className="mb-8 grid max-w-3xl gap-4 rounded-lg border border-line bg-white p-4 sm:grid-cols-2"
        aria-label="Export scope"
      >
        <FilterSelect
          label="Document"
          name="document"
          value={query.document}
          anyLabel="Any"
          options={option(
            query.document,
            documents.map((d) => ({ value: String(d.id), label: d.title })),
          )}
        />
        <FilterSelect
          label="Dispute"
          name="dispute"
          value={query.dispute}
          anyLabel="Any"
          options={option(
            query.dispute,
            disputes.map((d) => ({ value: String(d.id), label: d.question })),
          )}
        />
        <FilterSelect
          label="Claimant"
          name="claimant"
          value={query.claimant}
          anyLabel="Any"
          options={option(
            query.claimant,
            claimants.map((c) => ({ value: String(c.id), label: c.name })),
          )}
        />
        <div className="grid grid-cols-2 gap-2">
          <DateInput label="Published from" name="from" value={query.from} />
          <DateInput label="to" name="to" value={query.to} />
        </div>
        <div className="sm:col-span-2">
          {mayIncludeDrafts ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="includeDrafts" value="1" defaultChecked={query.includeDrafts === "1"} />
              Include unpublished work (drafts and verdicts in review, marked as such in every format)
            </label>
          ) : (
            <p className="text-sm text-muted">
              Exports hold published verdicts. Editors can also export unpublished work.
            </p>
          )}
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong"
          >
            Prepare export
          </button>
        </div>
      </form>

      {problem && <Alert tone="error">{problem}</Alert>}
      {!asked && <p className="text-muted">Choose a scope (or none, for everything) and prepare the export.</p>}
      {open && <ExportResult open={open} />}
    </>
  );
}

async function ExportResult({ open }: { open: OpenScope }) {
  const total = await countClaimsForExport(open.scope, open.mode);
  const check = await checkClaimReviews(open.site, claimsForExport(open.scope, open.mode));
  const query = new URL(exportUrl(open.site, "csv", open.scope, open.mode)).search;
  return (
    <section aria-labelledby="export-heading" className="space-y-6">
      <h2 id="export-heading" className="font-serif text-2xl font-semibold">
        {open.label}: {total} claim{total === 1 ? "" : "s"}
        {open.mode.includeUnpublished && (
          <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 align-middle text-sm font-medium text-amber-900">
            includes unpublished work
          </span>
        )}
      </h2>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
          <li key={format} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
            <span>
              <a href={`/api/v1/exports/${format}${query}`} download className="font-medium text-accent underline">
                Download {EXPORT_FORMATS[format].title}
              </a>
              <span className="ml-2 text-sm text-muted">{FORMAT_NOTES[format]}</span>
            </span>
            {format === "pdf" && (
              <Link href={`/editor/report${query}`} className="text-sm text-accent underline">
                Open the printable report
              </Link>
            )}
          </li>
        ))}
      </ul>
      <div>
        <h3 className="mb-2 text-lg font-semibold">ClaimReview check</h3>
        <p className="mb-2 text-sm text-muted">
          {check.checked} review{check.checked === 1 ? "" : "s"} checked against Google’s required and recommended
          properties{check.truncated ? " (the first 10,000)" : ""}.
        </p>
        {check.errors.length === 0 && check.warnings.length === 0 ? (
          <Alert tone="success">No errors and no warnings.</Alert>
        ) : (
          <ul className="space-y-1 text-sm">
            {check.errors.map((p) => (
              <CheckLine key={`e-${p.message}`} kind="Error" {...p} />
            ))}
            {check.warnings.map((p) => (
              <CheckLine key={`w-${p.message}`} kind="Warning" {...p} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function CheckLine({
  kind,
  message,
  count,
  example,
}: {
  kind: "Error" | "Warning";
  message: string;
  count: number;
  example: { id: number; statement: string };
}) {
  return (
    <li className={kind === "Error" ? "text-danger" : ""}>
      <strong>{kind}:</strong> {message} — {count} review{count === 1 ? "" : "s"}, e.g.{" "}
      <Link href={`/editor/claims/${example.id}`} className="text-accent underline">
        {example.statement}
      </Link>
    </li>
  );
}

function DateInput({ label, name, value }: { label: string; name: string; value: string | undefined }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`scope-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input id={`scope-${name}`} type="date" name={name} defaultValue={value ?? ""} className={SELECT} />
    </div>
  );
}
