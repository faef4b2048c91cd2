import { Markdown } from "@/components/verdicts/markdown";
import type { ExportRecord } from "@/db/queries/exports";
import { accountVerdict, formatDay, quoteInContext, STANCE_LABELS, type ReportInput } from "@/lib/exports/report";
import { publicationStatus } from "@/lib/exports/site";
import { SOURCE_TYPE_LABELS } from "@/lib/services/evidence/source-types";

/**
 * The verdict report as a page — the same parts as the PDF (`lib/exports/report-pdf.ts`):
 * cover, each dispute's accounts side by side, each claim, the corrections log. Laid out
 * for the screen and, through the `print:` styles, for paper: each part starts a new page.
 */
export function VerdictReport({ input, records }: { input: Omit<ReportInput, "records">; records: ExportRecord[] }) {
  return (
    <article className="report space-y-10 print:space-y-0 print:text-[11pt]">
      <header className="rounded-lg border border-line bg-white p-8 print:break-after-page print:border-0 print:p-0 print:pt-24">
        <p className="text-sm uppercase tracking-wide text-muted">Verdict report</p>
        <h1 className="mt-2 font-serif text-4xl font-semibold">{input.scopeLabel}</h1>
        <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium text-muted">Organisation</dt>
          <dd>{input.site.orgName}</dd>
          <dt className="font-medium text-muted">Website</dt>
          <dd>{input.site.orgUrl}</dd>
          <dt className="font-medium text-muted">Date</dt>
          <dd>{formatDay(input.site.generatedAt)}</dd>
          <dt className="font-medium text-muted">Claims</dt>
          <dd>{records.length}</dd>
        </dl>
        {input.includesUnpublished && (
          <p role="note" className="mt-6 rounded-md border-2 border-danger px-3 py-2 font-semibold text-danger">
            Includes unpublished work. Items marked UNPUBLISHED are drafts or verdicts in review: not checked for
            publication, not for release.
          </p>
        )}
      </header>

      {input.disputes.length > 0 && (
        <section aria-labelledby="report-disputes" className="print:break-after-page">
          <h2 id="report-disputes" className="mb-4 font-serif text-2xl font-semibold">
            Disputes: the accounts side by side
          </h2>
          {input.disputes.map((d) => (
            <div key={d.id} className="mb-6 break-inside-avoid">
              <h3 className="text-lg font-semibold">{d.question}</h3>
              {d.eventDate && <p className="text-sm text-muted">Event: {d.eventDate}</p>}
              <div
                className="mt-2 grid gap-3"
                style={{ gridTemplateColumns: `repeat(${Math.min(d.accounts.length, 3)}, minmax(0, 1fr))` }}
              >
                {d.accounts.map((a) => (
                  <div key={a.claimId} className="rounded-md border border-line bg-white p-3 text-sm">
                    <p className="font-semibold">{a.label}</p>
                    <p className="text-muted">{a.claimantName}</p>
                    <p className="mt-1 italic">“{a.statement}”</p>
                    <p className={`mt-1 font-semibold ${a.published ? "" : "text-danger"}`}>{accountVerdict(a)}</p>
                  </div>
                ))}
              </div>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="report-claims" className="print:break-after-page">
        <h2 id="report-claims" className="mb-4 font-serif text-2xl font-semibold">
          Claims
        </h2>
        {records.length === 0 && <p className="text-muted">No claims in this scope.</p>}
        {records.map((r) => (
          <ClaimEntry key={r.id} r={r} />
        ))}
      </section>

      <section aria-labelledby="report-corrections">
        <h2 id="report-corrections" className="mb-4 font-serif text-2xl font-semibold">
          Corrections log
        </h2>
        {input.corrections.length === 0 ? (
          <p className="text-muted">No corrections or retractions in this scope.</p>
        ) : (
          <ul className="space-y-3">
            {input.corrections.map((c, i) => (
              <li key={i} className="break-inside-avoid">
                <p className="font-semibold">
                  {formatDay(c.at)} — {c.kind === "correction" ? "Correction" : "Retraction"}: {c.statement}
                </p>
                <p>{c.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function ClaimEntry({ r }: { r: ExportRecord }) {
  const q = quoteInContext(r);
  const v = r.verdict;
  return (
    <div className="mb-8 break-inside-avoid-page border-t border-line pt-4">
      {!r.published && (
        <p className="text-xs font-bold uppercase tracking-wide text-danger">UNPUBLISHED — {publicationStatus(r)}</p>
      )}
      <h3 className="text-lg font-semibold">{r.statement}</h3>
      <blockquote className="my-2 border-l-4 border-line pl-3 text-sm">
        <span className="text-muted">{q.before}</span>
        <mark className="bg-amber-100 font-semibold">{q.quote}</mark>
        <span className="text-muted">{q.after}</span>
      </blockquote>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-muted">Claimant</dt>
        <dd>{r.claimant.name}</dd>
        <dt className="font-medium text-muted">Document</dt>
        <dd>{r.document.title}</dd>
        {r.claimedAt && (
          <>
            <dt className="font-medium text-muted">Claimed on</dt>
            <dd>{r.claimedAt}</dd>
          </>
        )}
        {r.disputes.length > 0 && (
          <>
            <dt className="font-medium text-muted">Dispute</dt>
            <dd>{r.disputes.map((d) => `${d.question} (${d.label})`).join("; ")}</dd>
          </>
        )}
        {v && (
          <>
            <dt className="font-medium text-muted">Rating</dt>
            <dd className="font-semibold">{v.rating?.label ?? "No rating yet"}</dd>
            <dt className="font-medium text-muted">Summary</dt>
            <dd>{v.summary || "—"}</dd>
            <dt className="font-medium text-muted">Author</dt>
            <dd>{v.authorName}</dd>
            <dt className="font-medium text-muted">Reviewer</dt>
            <dd>{v.reviewerName ?? "—"}</dd>
            <dt className="font-medium text-muted">Dates</dt>
            <dd>
              first published {formatDay(r.firstPublishedAt)}; this version{" "}
              {v.publishedAt ? `published ${formatDay(v.publishedAt)}` : `last changed ${formatDay(v.updatedAt)}`}{" "}
              (version {v.seq})
            </dd>
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
        <p className="mt-2 text-sm text-muted">No verdict yet.</p>
      )}
      {r.evidence.length > 0 && (
        <>
          <h4 className="mt-3 text-sm font-semibold">Evidence</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {r.evidence.map((e) => (
              <li key={e.evidenceId}>
                <strong>{STANCE_LABELS[e.stance]}</strong> — {e.title}
                {e.publisher && `, ${e.publisher}`}
                {e.publishedAt && ` (${e.publishedAt})`}, {SOURCE_TYPE_LABELS[e.sourceType]}:{" "}
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
