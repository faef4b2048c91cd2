import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { listFactChecks } from "@/db/queries/fact-checks";
import { requireUser, userCan } from "@/lib/auth/session";
import { MAX_FACT_CHECK_FILE_BYTES } from "@/lib/services/fact-checks/import-fact-checks";
import { FactCheckImportForm } from "./import-form";

/** The table's columns (their names: the catalogue's `desk.factChecks.columns.<column>`). */
const COLUMNS = ["claim", "rating", "publisher", "reviewed", "language"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.factChecks");
  return { title: t("title") };
}

/** A review's date as YYYY-MM-DD: shown as the locale writes days (anything else as it is). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const PAGE_SIZE = 50;

/** The page number asked for (`?page=`), 1 when absent or not a positive whole number. */
function pageNumber(raw: string | undefined): number {
  const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

/**
 * `/editor/fact-checks`: the library of other fact-checkers' published reviews that new claims are matched against,
 * newest first, 50 a page; editors and admins import more (or update what is there) from a ClaimReview file.
 */
export default async function FactChecksPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser("/editor/fact-checks");
  const t = await getTranslations("desk.factChecks");
  const format = await getFormatter();
  const page = pageNumber((await searchParams).page);
  const { factChecks, total } = await listFactChecks({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const mayImport = userCan(user, "fact-checks:import");

  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>

      {mayImport ? (
        <FactCheckImportForm maxBytes={MAX_FACT_CHECK_FILE_BYTES} />
      ) : (
        <p className="mb-8 text-sm text-muted">{t("whoImports")}</p>
      )}

      <section aria-labelledby="library-heading" className="space-y-4">
        <h2 id="library-heading" className="text-lg font-semibold">
          {t("library", { n: total })}
        </h2>
        {factChecks.length === 0 ? (
          <p className="text-sm text-muted">{total === 0 ? t("empty") : t("emptyPage")}</p>
        ) : (
          <table className="w-full rounded-lg border border-line bg-white text-start text-sm">
            <caption className="sr-only">{t("caption", { page, pages })}</caption>
            <thead className="border-b border-line bg-slate-50">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2">
                    {t(`columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {factChecks.map((f) => (
                <tr key={f.id} className="align-top">
                  <td className="px-3 py-2">
                    {f.claimReviewed}
                    {f.claimant && <span className="block text-muted">— {f.claimant}</span>}
                  </td>
                  <td className="px-3 py-2">{f.rating ?? <span className="text-muted">{t("noRating")}</span>}</td>
                  <td className="px-3 py-2">
                    <a href={f.url} target="_blank" rel="noopener noreferrer" className="text-accent underline">
                      {f.publisherName}
                    </a>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {f.reviewDate && DAY.test(f.reviewDate)
                      ? format.dateTime(new Date(f.reviewDate), "day")
                      : (f.reviewDate ?? "—")}
                  </td>
                  <td className="px-3 py-2">{f.language ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 && (
          <nav aria-label={t("pages")} className="flex items-center gap-4 text-sm">
            {page > 1 && (
              <Link href={`/editor/fact-checks?page=${Math.min(page - 1, pages)}`} className="text-accent underline">
                {t("previous")}
              </Link>
            )}
            <span className="text-muted">{t("page", { page, pages })}</span>
            {page < pages && (
              <Link href={`/editor/fact-checks?page=${page + 1}`} className="text-accent underline">
                {t("next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
