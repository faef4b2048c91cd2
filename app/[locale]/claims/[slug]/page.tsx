import type { Metadata } from "next";
import { cache } from "react";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StanceBadge } from "@/components/evidence/stance-badge";
import { RatingBadge } from "@/components/ui/rating-badge";
import { Markdown } from "@/components/verdicts/markdown";
import { getPublicClaim, getRatingBounds } from "@/db/queries/public/claim";
import { ratingIn } from "@/db/queries/shapes";
import { contentLanguage } from "@/lib/i18n/content-language";
import { getEnv } from "@/lib/config/env";
import { publicMetadata } from "@/lib/config/public-metadata";
import { claimReviewFor } from "@/lib/exports/public-claim-review";
import { shown } from "@/lib/i18n/select";

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

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const claim = await load(slug);
  const t = await getTranslations("public");
  if (!claim) return { title: t("notFound") };
  const description = claim.verdict
    ? t("claim.description", {
        rating: claim.verdict.rating ? ratingIn(claim.verdict.rating, await getLocale()).label : t("claim.checked"),
        summary: claim.verdict.summary,
      })
    : t("claim.retractedDescription");
  return publicMetadata(`/claims/${claim.slug}`, claim.statement, description, "article");
}

export default async function PublicClaimPage({ params }: Props) {
  const { slug } = await params;
  const claim = await load(slug);
  if (!claim) notFound();
  const env = getEnv();
  const jsonLd = claimReviewFor(claim, env, await getRatingBounds());
  const v = claim.verdict;
  const t = await getTranslations("public.claim");
  const tc = await getTranslations("common.evidence");
  const format = await getFormatter();
  const locale = await getLocale();
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
          <h1
            className="font-serif text-3xl font-semibold leading-tight tracking-tight"
            {...contentLanguage(claim.language)}
          >
            {claim.statement}
          </h1>
          <section aria-labelledby="retraction" className="rounded-lg border border-danger/40 bg-red-50 p-4">
            <h2 id="retraction" className="font-semibold text-danger">
              {t("retractedOn", { date: format.dateTime(claim.retraction.at, "day") })}
            </h2>
            <p className="mt-1" {...contentLanguage(claim.retraction.language)}>
              {claim.retraction.reason}
            </p>
          </section>
        </header>
      )}
      {v && (
        <header className="space-y-3">
          {v?.rating && (
            <p className="flex items-center gap-2">
              <RatingBadge rating={v.rating} />
              <span className="text-sm text-muted">{ratingIn(v.rating, locale).description}</span>
            </p>
          )}
          <h1
            className="font-serif text-3xl font-semibold leading-tight tracking-tight"
            {...contentLanguage(claim.language)}
          >
            {claim.statement}
          </h1>
          <p className="text-muted">
            {t.rich("claimedBy", {
              name: claim.claimant.name,
              described: shown(claim.claimant.description),
              description: claim.claimant.description ?? "",
              dated: shown(claim.claimedAt),
              date: claim.claimedAt ? format.dateTime(new Date(claim.claimedAt), "day") : "",
              claimant: (chunks) => (
                <Link href={`/claimants/${claim.claimant.slug}`} className="font-semibold text-ink underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
          <figure className="rounded-lg border border-line bg-white p-4">
            <blockquote className="font-serif text-lg" {...contentLanguage(claim.language)}>
              …{claim.prefix}
              <mark className="bg-amber-100 text-inherit">{claim.quote}</mark>
              {claim.suffix}…
            </blockquote>
            <figcaption className="mt-2 text-sm text-muted">
              {t.rich("source", {
                name: claim.document.title,
                published: shown(claim.document.publisher),
                publisher: claim.document.publisher ?? "",
                dated: shown(claim.document.publishedAt),
                date: claim.document.publishedAt ? format.dateTime(new Date(claim.document.publishedAt), "day") : "",
                title: (chunks) =>
                  claim.document.sourceUrl ? (
                    <a
                      href={claim.document.sourceUrl}
                      className="text-accent underline"
                      rel="nofollow noopener noreferrer"
                    >
                      {chunks}
                    </a>
                  ) : (
                    <span>{chunks}</span>
                  ),
                all: (chunks) => (
                  <Link href={`/documents/${claim.document.slug}`} className="text-accent underline">
                    {chunks}
                  </Link>
                ),
              })}
            </figcaption>
          </figure>
        </header>
      )}

      {v && v.appearances.length > 0 && (
        <section aria-labelledby="appearances" className="space-y-3">
          <h2 id="appearances" className="text-xl font-semibold">
            {t("appearances")}
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
            {t("verdict", { rating: v.rating ? ratingIn(v.rating, locale).label : t("notRated") })}
          </h2>
          <div className="space-y-3" {...contentLanguage(v.language)}>
            <p className="text-lg font-medium">{v.summary}</p>
            <Markdown text={v.rationale} />
          </div>
          <p className="text-sm text-muted">
            {t("byline", {
              author: v.authorName,
              reviewed: shown(v.reviewerName),
              reviewer: v.reviewerName ?? "",
              published: format.dateTime(v.firstPublishedAt ?? v.publishedAt, "day"),
              corrected: shown(v.seq > 1),
              updated: format.dateTime(v.publishedAt, "day"),
            })}
          </p>
        </section>
      )}

      {v && v.evidence.length > 0 && (
        <section aria-labelledby="evidence" className="space-y-3">
          <h2 id="evidence" className="text-xl font-semibold">
            {t("evidence")}
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
                  {[
                    e.publisher,
                    e.publishedAt && format.dateTime(new Date(e.publishedAt), "day"),
                    tc(`sourceType.${e.sourceType}`),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                  {e.archiveUrl && (
                    <>
                      {" · "}
                      <a href={e.archiveUrl} className="underline" rel="nofollow noopener noreferrer">
                        {t("archived")}
                      </a>
                    </>
                  )}
                </p>
                {e.excerpt && (
                  <blockquote className="mt-1 border-s-4 border-line ps-3 text-sm italic">{e.excerpt}</blockquote>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {v && claim.disputes.length > 0 && (
        <section aria-labelledby="disputes">
          <h2 id="disputes" className="text-xl font-semibold">
            {t("disputes")}
          </h2>
          <ul className="mt-2 list-disc ps-5">
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
          {t("corrections")}
        </h2>
        {claim.corrections.length === 0 ? (
          <p className="text-sm text-muted">{t("noCorrections")}</p>
        ) : (
          <ol className="mt-2 space-y-2">
            {claim.corrections.map((c, i) => (
              <li key={i} className="text-sm">
                <strong>{t("correction", { kind: c.kind, date: format.dateTime(c.at, "day") })}</strong>{" "}
                <span {...contentLanguage(c.language)}>{c.text}</span>
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
  const t = useTranslations("public.claim");
  const format = useFormatter();
  return (
    <figure className="rounded-lg border border-line bg-white p-3">
      <blockquote className="font-serif">{t("quote", { quote: a.quote })}</blockquote>
      <figcaption className="mt-1 text-sm text-muted">
        {t.rich("appearance", {
          claimant: a.claimant,
          dated: shown(a.claimedAt),
          date: a.claimedAt ? format.dateTime(new Date(a.claimedAt), "day") : "",
          name: a.title,
          published: shown(a.publisher),
          publisher: a.publisher ?? "",
          title: (chunks) =>
            a.sourceUrl ? (
              <a href={a.sourceUrl} className="text-accent underline" rel="nofollow noopener noreferrer">
                {chunks}
              </a>
            ) : (
              <cite className="not-italic">{chunks}</cite>
            ),
        })}
      </figcaption>
    </figure>
  );
}
