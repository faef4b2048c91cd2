import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { claimsForExport, countClaimsForExport } from "@/db/queries/exports";
import { listClaimants } from "@/db/queries/claimants";
import { listDisputes } from "@/db/queries/disputes";
import { listDocuments } from "@/db/queries/documents";
import { requireUser, userCan } from "@/lib/auth/session";
import { checkClaimReviews } from "@/lib/exports/claim-review-check";
import { reportWords } from "@/lib/exports/report";
import { EXPORT_FORMATS, exportUrl, openScope, type ExportFormat, type OpenScope } from "@/lib/exports/run-export";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { isServiceError } from "@/lib/services/errors";
import { localizedFailure } from "@/lib/i18n/localize-error";
import type { Text } from "@/lib/i18n/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.exports");
  return { title: t("metaTitle") };
}

type Search = Record<string, string | undefined>;

const SELECT = "w-full rounded-md border border-line bg-white px-3 py-2 text-sm";

/**
 * `/editor/exports`: choose a scope (everything, a document, a dispute, a claimant, dates)
 * and — editors only — whether to include unpublished work; the page shows how many claims
 * that is, the ClaimReview checks (Google's rules) as warnings, and a download per format.
 */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const query = await searchParams;
  const user = await requireUser("/editor/exports");
  const t = await getTranslations("desk.exports");
  const mayIncludeDrafts = userCan(user, "exports:drafts");
  const asked = Object.keys(query).length > 0; // the form was sent, even empty (everything)

  let open: OpenScope | null = null;
  let problem: string | null = null;
  if (asked) {
    try {
      open = await openScope(user.actor, (k) => query[k]);
    } catch (e) {
      if (!isServiceError(e)) throw e;
      problem = (await localizedFailure(e)).message;
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
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <form
        method="get"
        className="mb-8 grid max-w-3xl gap-4 rounded-lg border border-line bg-white p-4 sm:grid-cols-2"
        aria-label={t("scope")}
      >
        <FilterSelect
          label={t("document")}
          name="document"
          value={query.document}
          anyLabel={t("any")}
          options={option(
            query.document,
            documents.map((d) => ({ value: String(d.id), label: d.title })),
          )}
        />
        <FilterSelect
          label={t("dispute")}
          name="dispute"
          value={query.dispute}
          anyLabel={t("any")}
          options={option(
            query.dispute,
            disputes.map((d) => ({ value: String(d.id), label: d.question })),
          )}
        />
        <FilterSelect
          label={t("claimant")}
          name="claimant"
          value={query.claimant}
          anyLabel={t("any")}
          options={option(
            query.claimant,
            claimants.map((c) => ({ value: String(c.id), label: c.name })),
          )}
        />
        <div className="grid grid-cols-2 gap-2">
          <DateInput label={t("from")} name="from" value={query.from} />
          <DateInput label={t("to")} name="to" value={query.to} />
        </div>
        <div className="sm:col-span-2">
          {mayIncludeDrafts ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="includeDrafts" value="1" defaultChecked={query.includeDrafts === "1"} />
              {t("includeDrafts")}
            </label>
          ) : (
            <p className="text-sm text-muted">{t("publishedOnly")}</p>
          )}
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong"
          >
            {t("prepare")}
          </button>
        </div>
      </form>

      {problem && <Alert tone="error">{problem}</Alert>}
      {!asked && <p className="text-muted">{t("choose")}</p>}
      {open && <ExportResult open={open} />}
    </>
  );
}

async function ExportResult({ open }: { open: OpenScope }) {
  const t = await getTranslations("desk.exports");
  const locale = await getLocale();
  const words = await reportWords(locale);
  const total = await countClaimsForExport(open.scope, open.mode);
  const check = await checkClaimReviews(open.site, claimsForExport(open.scope, open.mode));
  const query = new URL(exportUrl(open.site, "csv", open.scope, open.mode)).search;
  // The PDF report is written in the user's interface language (the data in every format are as they are).
  const pdfQuery = locale === DEFAULT_LOCALE ? query : `${query}${query ? "&" : "?"}${new URLSearchParams({ locale })}`;
  return (
    <section aria-labelledby="export-heading" className="space-y-6">
      <h2 id="export-heading" className="font-serif text-2xl font-semibold">
        {t("result", { scope: words.scope(open.scope, open.names), n: total })}
        {open.mode.includeUnpublished && (
          <span className="ms-2 rounded bg-amber-100 px-2 py-0.5 align-middle text-sm font-medium text-amber-900">
            {t("includesUnpublished")}
          </span>
        )}
      </h2>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
          <li key={format} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
            <span>
              <a
                href={`/api/v1/exports/${format}${format === "pdf" ? pdfQuery : query}`}
                download
                className="font-medium text-accent underline"
              >
                {t(`download.${format}`)}
              </a>
              <span className="ms-2 text-sm text-muted">{t(`notes.${format}`)}</span>
            </span>
            {format === "pdf" && (
              <Link href={`/editor/report${query}`} className="text-sm text-accent underline">
                {t("printable")}
              </Link>
            )}
          </li>
        ))}
      </ul>
      <div>
        <h3 className="mb-2 text-lg font-semibold">{t("check.heading")}</h3>
        <p className="mb-2 text-sm text-muted">
          {check.truncated ? t("check.checkedFirst", { n: check.checked }) : t("check.checked", { n: check.checked })}
        </p>
        {check.errors.length === 0 && check.warnings.length === 0 ? (
          <Alert tone="success">{t("check.clean")}</Alert>
        ) : (
          <ul className="space-y-1 text-sm">
            {check.errors.map((p) => (
              <CheckLine key={`e-${String(p.message)}`} kind="error" {...p} />
            ))}
            {check.warnings.map((p) => (
              <CheckLine key={`w-${String(p.message)}`} kind="warning" {...p} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

async function CheckLine({
  kind,
  message,
  count,
  example,
}: {
  kind: "error" | "warning";
  message: Text;
  count: number;
  example: { id: number; statement: string };
}) {
  const t = await getTranslations("desk.exports.check");
  const all = await getTranslations();
  return (
    <li className={kind === "error" ? "text-danger" : ""}>
      <strong>{t(kind)}</strong>{" "}
      {t.rich("line", {
        message: message.in(all),
        n: count,
        statement: example.statement,
        link: (chunks) => (
          <Link href={`/editor/claims/${example.id}`} className="text-accent underline">
            {chunks}
          </Link>
        ),
      })}
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
