import type { Metadata } from "next";
import { cache } from "react";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { StanceBadge } from "@/components/evidence/stance-badge";
import { RatingBadge } from "@/components/ui/rating-badge";
import { Markdown } from "@/components/verdicts/markdown";
import { getPublicClaim, getRatingBounds } from "@/db/queries/public/claim";
import { getEnv } from "@/lib/config/env";
import { publicMetadata } from "@/lib/config/public-metadata";
import { claimReviewFor } from "@/lib/exports/public-claim-review";
import { SOURCE_TYPE_LABELS } from "@/lib/services/evidence/source-types";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then kept until a write changes what it shows (lib/cache/public-invalidation.ts), on
// every server; nothing is rendered at build time, when there is no database to read. Shared caches in front keep it a
// minute at most (`s-maxage=60`), and so does each server before rendering it again in the background.
export const revalidate = 60;

// generateMetadata and the page read the same record once per request.
const load = cache((slug: string) => getPublicClaim(slug));
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const claim = await load(slug);
  if (!claim) return { title: "Not found" };
  const description = claim.verdict
    ? `${claim.verdict.rating?.label ?? "Checked"}: ${claim.verdict.summary}`
    : "This fact-check was retracted.";
  return publicMetadata(`/claims/${claim.slug}`, claim.statement, description, "article");
}

export default async function PublicClaimPage({ params }: Props) {
  const { slug } = await params;
  const claim = await load(slug);
  if (!claim) notFound();
  const env = getEnv();
  const jsonLd = claimReviewFor(claim, env, await getRatingBounds());
  const v = claim.verdict;
  return (
    <article className="mx-auto max-w-3xl space-y-8">
      {jsonLd && (
        // Escaping "<" keeps any text inside the JSON from closing the script element.
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
        />
      )}
      {!v && claim.retraction && (
        <header className="space-y-3">
          <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight">{claim.statement}</h1>
          <section aria-labelledby="retraction" className="rounded-lg border border-danger/40 bg-red-50 p-4">
            <h2 id="retraction" className="font-semibold text-danger">
              This fact-check was retracted on {day(claim.retraction.at)}
            </h2>
            <p className="mt-1">{claim.retraction.reason}</p>
          </section>
        </header>
      )}
      {v && (
        <header className="space-y-3">
          {v?.rating && (
            <p className="flex items-center gap-2">
              <RatingBadge rating={v.rating} />
              <span className="text-sm text-muted">{v.rating.description}</span>
            </p>
          )}
          <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight">{claim.statement}</h1>
          <p className="text-muted">
            Claimed by{" "}
            <Link href={`/claimants/${claim.claimant.slug}`} className="font-semibold text-ink underline">
              {claim.claimant.name}
            </Link>
            {claim.claimant.description ? `, ${claim.claimant.description}` : ""}
            {claim.claimedAt ? ` on ${claim.claimedAt}` : ""}
          </p>
          <figure className="rounded-lg border border-line bg-white p-4">
            <blockquote className="font-serif text-lg">
              …{claim.prefix}
              <mark className="bg-amber-100 text-inherit">{claim.quote}</mark>
              {claim.suffix}…
            </blockquote>
            <figcaption className="mt-2 text-sm text-muted">
              From{" "}
              {claim.document.sourceUrl ? (
                <a href={claim.document.sourceUrl} className="text-accent underline" rel="nofollow noopener noreferrer">
                  {claim.document.title}
                </a>
              ) : (
                <span>{claim.document.title}</span>
              )}
              {claim.document.publisher ? `, ${claim.document.publisher}` : ""}
              {claim.document.publishedAt ? `, ${claim.document.publishedAt}` : ""} ·{" "}
              <Link href={`/documents/${claim.document.slug}`} className="text-accent underline">
                all checked claims in it
              </Link>
            </figcaption>
          </figure>
        </header>
      )}

      {v && v.appearances.length > 0 && (
        <section aria-labelledby="appearances" className="space-y-3">
          <h2 id="appearances" className="text-xl font-semibold">
            Where this claim was made
          </h2>
          <ul className="space-y-3">
            <li>
              <Appearance
                claimant={claim.claimant.name}
                claimedAt={claim.claimedAt}
                quote={claim.quote}
                title={claim.document.title}
                sourceUrl={claim.document.sourceUrl}
                publisher={claim.document.publisher}
              />
            </li>
            {v.appearances.map((a, i) => (
              <li key={i}>
                <Appearance
                  claimant={a.claimant.name}
                  claimedAt={a.claimedAt}
                  quote={a.quote}
                  title={a.documentTitle}
                  sourceUrl={a.sourceUrl}
                  publisher={a.publisher}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {v && (
        <section aria-labelledby="verdict" className="space-y-3">
          <h2 id="verdict" className="text-xl font-semibold">
            Our verdict: {v.rating?.label ?? "not rated"}
          </h2>
          <p className="text-lg font-medium">{v.summary}</p>
          <Markdown text={v.rationale} />
          <p className="text-sm text-muted">
            Written by {v.authorName}
            {v.reviewerName ? `, reviewed by ${v.reviewerName}` : ""}. Published{" "}
            {day(v.firstPublishedAt ?? v.publishedAt)}
            {v.seq > 1 ? `, corrected ${day(v.publishedAt)}` : ""}.
          </p>
        </section>
      )}

      {v && v.evidence.length > 0 && (
        <section aria-labelledby="evidence" className="space-y-3">
          <h2 id="evidence" className="text-xl font-semibold">
            Evidence
          </h2>
          <ul className="space-y-3">
            {v.evidence.map((e) => (
              <li key={e.evidenceId} className="rounded-lg border border-line bg-white p-3">
                <p>
                  <StanceBadge stance={e.stance} />{" "}
                  <a href={e.url} className="font-medium text-accent underline" rel="nofollow noopener noreferrer">
                    {e.title}
                  </a>
                </p>
                <p className="text-sm text-muted">
                  {[e.publisher, e.publishedAt, SOURCE_TYPE_LABELS[e.sourceType]].filter(Boolean).join(" · ")}
                  {e.archiveUrl && (
                    <>
                      {" · "}
                      <a href={e.archiveUrl} className="underline" rel="nofollow noopener noreferrer">
                        archived copy
                      </a>
                    </>
                  )}
                </p>
                {e.excerpt && (
                  <blockquote className="mt-1 border-l-4 border-line pl-3 text-sm italic">{e.excerpt}</blockquote>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {v && claim.disputes.length > 0 && (
        <section aria-labelledby="disputes">
          <h2 id="disputes" className="text-xl font-semibold">
            Part of a dispute
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {claim.disputes.map((d) => (
              <li key={d.slug}>
                <Link href={`/disputes/${d.slug}`} className="text-accent underline">
                  {d.question}
                </Link>{" "}
                — {d.label}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="corrections">
        <h2 id="corrections" className="text-xl font-semibold">
          Corrections
        </h2>
        {claim.corrections.length === 0 ? (
          <p className="text-sm text-muted">No corrections.</p>
        ) : (
          <ol className="mt-2 space-y-2">
            {claim.corrections.map((c, i) => (
              <li key={i} className="text-sm">
                <strong>
                  {c.kind === "retraction" ? "Retracted" : "Corrected"} {day(c.at)}:
                </strong>{" "}
                {c.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

/** One place the claim was made: who said it, when, where, in what words. */
function Appearance(a: {
  claimant: string;
  claimedAt: string | null;
  quote: string;
  title: string;
  sourceUrl: string | null;
  publisher: string | null;
}) {
  return (
    <figure className="rounded-lg border border-line bg-white p-3">
      <blockquote className="font-serif">“{a.quote}”</blockquote>
      <figcaption className="mt-1 text-sm text-muted">
        {a.claimant}
        {a.claimedAt ? `, ${a.claimedAt}` : ""}, in{" "}
        {a.sourceUrl ? (
          <a href={a.sourceUrl} className="text-accent underline" rel="nofollow noopener noreferrer">
            {a.title}
          </a>
        ) : (
          <cite className="not-italic">{a.title}</cite>
        )}
        {a.publisher ? ` (${a.publisher})` : ""}
      </figcaption>
    </figure>
  );
}
