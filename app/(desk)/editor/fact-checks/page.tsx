import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listFactChecks } from "@/db/queries/fact-checks";
import { requireUser, userCan } from "@/lib/auth/session";
import { MAX_FACT_CHECK_FILE_BYTES } from "@/lib/services/fact-checks/import-fact-checks";
import { FactCheckImportForm } from "./import-form";

const COLUMNS = ["Claim", "Rating", "Publisher", "Reviewed", "Language"];

export const metadata: Metadata = { title: "Known fact-checks" };

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
  const page = pageNumber((await searchParams).page);
  const { factChecks, total } = await listFactChecks({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const mayImport = userCan(user, "fact-checks:import");

  return (
    <>
      <PageHeader title="Known fact-checks">
        Other fact-checkers’ published reviews (schema.org ClaimReview), so that new claims can be matched against what
        has already been checked. A file may hold one review, a list, a DataFeed, or a fact-check search API’s JSON
        answer. Reviews are known by their URL: importing a review again updates it.
      </PageHeader>

      {mayImport ? (
        <FactCheckImportForm maxBytes={MAX_FACT_CHECK_FILE_BYTES} />
      ) : (
        <p className="mb-8 text-sm text-muted">Editors and admins import known fact-checks.</p>
      )}

      <section aria-labelledby="library-heading" className="space-y-4">
        <h2 id="library-heading" className="text-lg font-semibold">
          The library: {total.toLocaleString("en")} review{total === 1 ? "" : "s"}
        </h2>
        {factChecks.length === 0 ? (
          <p className="text-sm text-muted">{total === 0 ? "No known fact-checks yet." : "No reviews on this page."}</p>
        ) : (
          <table className="w-full rounded-lg border border-line bg-white text-left text-sm">
            <caption className="sr-only">
              Known fact-checks, newest first (page {page} of {pages})
            </caption>
            <thead className="border-b border-line bg-slate-50">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2">
                    {column}
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
                  <td className="px-3 py-2">{f.rating ?? <span className="text-muted">none</span>}</td>
                  <td className="px-3 py-2">
                    <a href={f.url} target="_blank" rel="noopener noreferrer" className="text-accent underline">
                      {f.publisherName}
                    </a>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{f.reviewDate ?? "—"}</td>
                  <td className="px-3 py-2">{f.language ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 && (
          <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
            {page > 1 && (
              <Link href={`/editor/fact-checks?page=${Math.min(page - 1, pages)}`} className="text-accent underline">
                Previous
              </Link>
            )}
            <span className="text-muted">
              Page {page} of {pages}
            </span>
            {page < pages && (
              <Link href={`/editor/fact-checks?page=${page + 1}`} className="text-accent underline">
                Next
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
