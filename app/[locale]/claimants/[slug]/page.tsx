import type { Metadata } from "next";
import { cache } from "react";
import { Link } from "@/lib/i18n/navigation";
import { PageUpdates } from "@/components/public/page-updates";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RatingBadge } from "@/components/ui/rating-badge";
import { getPublicClaimant } from "@/db/queries/public/records";
import { publicMetadata } from "@/lib/config/public-metadata";
import { contentLanguage } from "@/lib/i18n/content-language";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then kept until a write changes what it shows (lib/cache/public-invalidation.ts), on
// every server; nothing is rendered at build time, when there is no database to read. Shared caches in front keep it a
// minute at most (`s-maxage=60`), and so does each server before rendering it again in the background.
export const revalidate = 60;

// generateMetadata and the page read the same record once per request.
const load = cache((slug: string) => getPublicClaimant(slug));
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
    `/claimants/${slug}`,
    data.claimant.name,
    t("claimant.description", { n: data.claims.length, name: data.claimant.name }),
  );
}

export default async function PublicClaimantPage({ params }: Props) {
  const { slug } = await params;
  const data = await load(slug);
  if (!data) notFound();
  const { claimant, claims, counts } = data;
  const t = await getTranslations("public.claimant");
  return (
    <article className="space-y-8">
      <header>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{claimant.name}</h1>
        {claimant.description && <p className="mt-1 text-muted">{claimant.description}</p>}
        {claimant.sameAs && (
          <p className="mt-1 text-sm">
            <a href={claimant.sameAs} className="text-accent underline" rel="nofollow noopener noreferrer">
              {t("about", { name: claimant.name })}
            </a>
          </p>
        )}
      </header>
      <section aria-labelledby="record">
        <h2 id="record" className="mb-2 text-xl font-semibold">
          {t("record")}
        </h2>
        <ul className="flex flex-wrap gap-3" data-testid="rating-counts">
          {counts.map((c) => (
            <li key={c.rating.key} className="flex items-center gap-2 rounded-md border border-line bg-white px-3 py-2">
              <RatingBadge rating={c.rating} /> <span className="font-semibold">{c.n}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="claims">
        <h2 id="claims" className="mb-2 text-xl font-semibold">
          {t("claims")}
        </h2>
        <ol className="space-y-3">
          {claims.map((c) => (
            <li key={c.slug} className="rounded-lg border border-line bg-white p-4">
              <RatingBadge rating={c.rating} />
              <p className="mt-1 font-serif text-lg" {...contentLanguage(c.statementLanguage)}>
                <Link href={`/claims/${c.slug}`} className="hover:underline">
                  {c.statement}
                </Link>
              </p>
              <p className="text-sm text-muted" {...contentLanguage(c.language)}>
                {c.summary}
              </p>
            </li>
          ))}
        </ol>
      </section>
      <PageUpdates updates={data.updates} />
    </article>
  );
}
