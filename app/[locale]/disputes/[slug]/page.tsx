import type { Metadata } from "next";
import { cache } from "react";
import { Link } from "@/lib/i18n/navigation";
import { PageUpdates } from "@/components/public/page-updates";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvidenceMatrix } from "@/components/evidence/evidence-matrix";
import { StanceBadge } from "@/components/evidence/stance-badge";
import { RatingBadge } from "@/components/ui/rating-badge";
import { getPublicDispute } from "@/db/queries/public/records";
import { publicMetadata } from "@/lib/config/public-metadata";
import { contentLanguage } from "@/lib/i18n/content-language";
import { shown } from "@/lib/i18n/select";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then kept until a write changes what it shows (lib/cache/public-invalidation.ts), on
// every server; nothing is rendered at build time, when there is no database to read. Shared caches in front keep it a
// minute at most (`s-maxage=60`), and so does each server before rendering it again in the background.
export const revalidate = 60;

// generateMetadata and the page read the same record once per request.
const load = cache((slug: string) => getPublicDispute(slug));
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await load(slug);
  const t = await getTranslations("public");
  if (!data) return { title: t("notFound") };
  return publicMetadata(
    `/disputes/${slug}`,
    data.dispute.question,
    t("dispute.description", { n: data.accounts.length }),
  );
}

export default async function PublicDisputePage({ params }: Props) {
  const { slug } = await params;
  const data = await load(slug);
  if (!data) notFound();
  const { dispute, accounts, matrix } = data;
  const t = await getTranslations("public.dispute");
  const format = await getFormatter();
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {t("kicker", {
            dated: shown(dispute.eventDate),
            date: dispute.eventDate ? format.dateTime(new Date(dispute.eventDate), "day") : "",
          })}
        </p>
        <h1 className="mt-1 font-serif text-3xl font-semibold tracking-tight">{dispute.question}</h1>
        {dispute.description && <p className="mt-2 max-w-3xl text-muted">{dispute.description}</p>}
      </header>
      <section aria-labelledby="accounts">
        <h2 id="accounts" className="sr-only">
          {t("accounts")}
        </h2>
        <ol className="grid gap-4" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(16rem, 1fr))" }}>
          {accounts.map((a) => (
            <li key={a.claimSlug} className="flex flex-col gap-2 rounded-lg border border-line bg-white p-4">
              <p className="text-xs font-semibold uppercase tracking-wide text-muted">{a.label}</p>
              <p className="font-medium">
                <Link href={`/claimants/${a.claimantSlug}`} className="hover:underline">
                  {a.claimantName}
                </Link>
              </p>
              <blockquote
                className="border-s-4 border-line ps-3 font-serif italic"
                {...contentLanguage(a.statementLanguage)}
              >
                {t("quote", { quote: a.quote })}
              </blockquote>
              <p>
                <RatingBadge rating={a.rating} />
              </p>
              <p className="text-sm" {...contentLanguage(a.language)}>
                {a.summary}
              </p>
              {a.evidence.length > 0 && (
                <ul className="space-y-1 text-sm" aria-label={t("evidenceFor", { label: a.label })}>
                  {a.evidence.map((e) => (
                    <li key={e.evidenceId}>
                      <StanceBadge stance={e.stance} />{" "}
                      <a href={e.url} className="text-accent underline" rel="nofollow noopener noreferrer">
                        {e.title}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <Link href={`/claims/${a.claimSlug}`} className="mt-auto text-sm text-accent underline">
                {t("readFactCheck")}
              </Link>
            </li>
          ))}
        </ol>
      </section>
      {matrix.items.length > 0 && (
        <section aria-labelledby="matrix">
          <h2 id="matrix" className="mb-3 text-xl font-semibold">
            {t("matrix")}
          </h2>
          <EvidenceMatrix matrix={matrix} columns={accounts.map((a) => ({ key: a.claimSlug, label: a.label }))} />
        </section>
      )}
      <PageUpdates updates={data.updates} />
    </article>
  );
}
