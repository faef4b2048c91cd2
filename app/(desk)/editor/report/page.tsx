import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/reports/print-button";
import { VerdictReport } from "@/components/reports/verdict-report";
import { Alert } from "@/components/ui/alert";
import { requireUser, userCan } from "@/lib/auth/session";
import type { ExportRecord } from "@/db/queries/exports";
import { exportUrl, openScope, reportInput } from "@/lib/exports/run-export";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { isServiceError } from "@/lib/services/errors";
import { localizedFailure } from "@/lib/i18n/localize-error";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.report");
  return { title: t("metaTitle") };
}

type Search = Record<string, string | undefined>;

/**
 * `/editor/report?document=|dispute=|claim…&includeDrafts=1`: the printable verdict report
 * of a scope, with a link to the same report as PDF (both in the user's interface language). Unpublished work only for
 * editors.
 */
export default async function ReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const query = await searchParams;
  const user = await requireUser("/editor/report");
  const t = await getTranslations("desk.report");
  const locale = await getLocale();
  let open;
  try {
    open = await openScope(user.actor, (k) => query[k]);
  } catch (e) {
    if (!isServiceError(e)) throw e;
    return <Alert tone="error">{(await localizedFailure(e)).message}</Alert>;
  }
  const { records, ...input } = await reportInput(open);
  const list: ExportRecord[] = [];
  for await (const r of records) list.push(r);
  const pdf = exportUrl(open.site, "pdf", open.scope, open.mode);
  const pdfUrl = new URL(pdf);
  if (locale !== DEFAULT_LOCALE) pdfUrl.searchParams.set("locale", locale);
  const toggle = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "includeDrafts"),
  );
  if (!open.mode.includeUnpublished) toggle.set("includeDrafts", "1");
  return (
    <>
      <nav aria-label={t("nav")} className="mb-6 flex flex-wrap items-center gap-3 print:hidden">
        <a
          href={pdfUrl.pathname + pdfUrl.search}
          download
          className="rounded-md bg-accent px-3 py-2 text-sm font-medium text-white hover:bg-accent-strong"
        >
          {t("downloadPdf")}
        </a>
        <PrintButton />
        {userCan(user, "exports:drafts") && (
          <Link href={`/editor/report?${toggle}`} className="text-sm text-accent underline">
            {open.mode.includeUnpublished ? t("publishedOnly") : t("includeUnpublished")}
          </Link>
        )}
        <Link href={`/editor/exports?${new URL(pdf).searchParams}`} className="text-sm text-accent underline">
          {t("otherFormats")}
        </Link>
      </nav>
      <VerdictReport input={input} records={list} />
    </>
  );
}
