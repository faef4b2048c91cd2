import { getLocale, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/verdicts/markdown";
import type { ExportRecord } from "@/db/queries/exports";
import { quoteInContext, reportWords, type ReportInput, type ReportWords } from "@/lib/exports/report";
import { ratingIn } from "@/db/queries/shapes";

/**
 * The verdict report as a page — the same parts as the PDF (`lib/exports/report-pdf.ts`):
 * cover, each dispute's accounts side by side, each claim, the corrections log. Laid out
 * for the screen and, through the `print:` styles, for paper: each part starts a new page. In the reader's interface
 * language, as the PDF the page links to.
 */
export async function VerdictReport({
  input,
  records,
}: {
  input: Omit<ReportInput, "records">;
  records: ExportRecord[];
}) {
  const t = await getTranslations("report");
  const locale = await getLocale();
  const words = await reportWords(locale);
  return (
    <article className="report space-y-10 print:space-y-0 print:text-[11pt]">
      <header className="rounded-lg border border-line bg-white p-8 print:break-after-page print:border-0 print:p-0 print:pt-24">
        <p className="text-sm uppercase tracking-wide text-muted">{t("title")}</p>
        <h1 className="mt-2 font-serif text-4xl font-semibold">{words.scope(input.scope, input.scopeNames)}</h1>
        <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium text-muted">{t("field.organisation")}</dt>
          <dd>{input.site.orgName}</dd>
          <dt className="font-medium text-muted">{t("field.website")}</dt>
          <dd>{input.site.orgUrl}</dd>
          <dt className="font-medium text-muted">{t("field.date")}</dt>
          <dd>{words.day(input.site.generatedAt)}</dd>
          <dt className="font-medium text-muted">{t("field.claims")}</dt>
          <dd>{records.length}</dd>
        </dl>
        {input.includesUnpublished && (
          <p role="note" className="mt-6 rounded-md border-2 border-danger px-3 py-2 font-semibold text-danger">
            {t("includesUnpublished")}
          </p>
        )}
      </header>

      {input.disputes.length > 0 && (
        <section aria-labelledby="report-disputes" className="print:break-after-page">
          <h2 id="report-disputes" className="mb-4 font-serif text-2xl font-semibold">
            {t("disputes")}
          </h2>
          {input.disputes.map((d) => (
            <div key={d.id} className="mb-6 break-inside-avoid">
              <h3 className="text-lg font-semibold">{d.question}</h3>
              {d.eventDate && <p className="text-sm text-muted">{t("event", { day: words.textDay(d.eventDate) })}</p>}
              <div
                className="mt-2 grid gap-3"
                style={{ gridTemplateColumns: `repeat(${Math.min(d.accounts.length, 3)}, minmax(0, 1fr))` }}
              >
                {d.accounts.map((a) => (
                  <div key={a.claimId} className="rounded-md border border-line bg-white p-3 text-sm">
                    <p className="font-semibold">{a.label}</p>
                    <p className="text-muted">{a.claimantName}</p>
                    <p className="mt-1 italic">{t("quoted", { text: a.statement })}</p>
                    <p className={`mt-1 font-semibold ${a.published ? "" : "text-danger"}`}>
                      {words.accountVerdict(a)}
                    </p>
                  </div>
                ))}
              </div>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="report-claims" className="print:break-after-page">
        <h2 id="report-claims" className="mb-4 font-serif text-2xl font-semibold">
          {t("claims")}
        </h2>
        {records.length === 0 && <p className="text-muted">{t("noClaims")}</p>}
        {records.map((r) => (
          <ClaimEntry key={r.id} r={r} words={words} />
        ))}
      </section>

      <section aria-labelledby="report-corrections">
        <h2 id="report-corrections" className="mb-4 font-serif text-2xl font-semibold">
          {t("correctionsLog")}
        </h2>
        {input.corrections.length === 0 ? (
          <p className="text-muted">{t("noCorrections")}</p>
        ) : (
          <ul className="space-y-3">
            {input.corrections.map((c, i) => (
              <li key={i} className="break-inside-avoid">
                <p className="font-semibold">{words.correction(c)}</p>
                <p>{c.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

async function ClaimEntry({ r, words }: { r: ExportRecord; words: ReportWords }) {
  const t = await getTranslations("report");
  const locale = await getLocale();
  const q = quoteInContext(r);
  const v = r.verdict;
  return (
    <div className="mb-8 break-inside-avoid-page border-t border-line pt-4">
      {!r.published && (
        <p className="text-xs font-bold uppercase tracking-wide text-danger">
          {t("unpublished", { status: words.status(r) })}
        </p>
      )}
      <h3 className="text-lg font-semibold">{r.statement}</h3>
      <blockquote className="my-2 border-s-4 border-line ps-3 text-sm">
        <span className="text-muted">{q.before}</span>
        <mark className="bg-amber-100 font-semibold">{q.quote}</mark>
        <span className="text-muted">{q.after}</span>
      </blockquote>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-muted">{t("field.claimant")}</dt>
        <dd>{r.claimant.name}</dd>
        <dt className="font-medium text-muted">{t("field.document")}</dt>
        <dd>{r.document.title}</dd>
        {r.claimedAt && (
          <>
            <dt className="font-medium text-muted">{t("field.claimedOn")}</dt>
            <dd>{words.textDay(r.claimedAt)}</dd>
          </>
        )}
        {r.disputes.length > 0 && (
          <>
            <dt className="font-medium text-muted">{t("field.dispute")}</dt>
            <dd>{r.disputes.map((d) => `${d.question} (${d.label})`).join("; ")}</dd>
          </>
        )}
        {v && (
          <>
            <dt className="font-medium text-muted">{t("field.rating")}</dt>
            <dd className="font-semibold">{v.rating ? ratingIn(v.rating, locale).label : t("noRating")}</dd>
            <dt className="font-medium text-muted">{t("field.summary")}</dt>
            <dd>{v.summary || "—"}</dd>
            <dt className="font-medium text-muted">{t("field.author")}</dt>
            <dd>{v.authorName}</dd>
            <dt className="font-medium text-muted">{t("field.reviewer")}</dt>
            <dd>{v.reviewerName ?? "—"}</dd>
            <dt className="font-medium text-muted">{t("field.dates")}</dt>
            <dd>{words.dates(r, v, false)}</dd>
          </>
        )}
      </dl>
      {v ? (
        v.rationale && (
          <div className="prose prose-sm mt-2 max-w-none">
            <Markdown text={v.rationale} />
          </div>
        )
      ) : (
        <p className="mt-2 text-sm text-muted">{t("noVerdict")}</p>
      )}
      {r.evidence.length > 0 && (
        <>
          <h4 className="mt-3 text-sm font-semibold">{t("evidence")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {r.evidence.map((e) => (
              <li key={e.evidenceId}>
                <strong>{words.stance(e.stance)}</strong> — {e.title}
                {e.publisher && `, ${e.publisher}`}
                {e.publishedAt && ` (${words.textDay(e.publishedAt)})`}, {words.sourceType(e.sourceType)}:{" "}
                <span className="break-all">{e.url}</span>
                {e.excerpt && <q className="block italic text-muted">{e.excerpt}</q>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
