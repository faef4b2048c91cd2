import type { Metadata } from "next";
import { cache } from "react";
import { Link } from "@/lib/i18n/navigation";
import { PageUpdates } from "@/components/public/page-updates";
import { notFound } from "next/navigation";
import { EvidenceMatrix } from "@/components/evidence/evidence-matrix";
import { StanceBadge } from "@/components/evidence/stance-badge";
import { RatingBadge } from "@/components/ui/rating-badge";
import { getPublicDispute } from "@/db/queries/public/records";
import { publicMetadata } from "@/lib/config/public-metadata";

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
  if (!data) return { title: "Not found" };
  return publicMetadata(
    `/disputes/${slug}`,
    data.dispute.question,
    `${data.accounts.length} competing accounts, checked.`,
  );
}

export default async function PublicDisputePage({ params }: Props) {
  const { slug } = await params;
  const data = await load(slug);
  if (!data) notFound();
  const { dispute, accounts, matrix } = data;
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          Dispute{dispute.eventDate ? ` · event on ${dispute.eventDate}` : ""}
        </p>
        <h1 className="mt-1 font-serif text-3xl font-semibold tracking-tight">{dispute.question}</h1>
        {dispute.description && <p className="mt-2 max-w-3xl text-muted">{dispute.description}</p>}
      </header>
      <section aria-labelledby="accounts">
        <h2 id="accounts" className="sr-only">
          The accounts
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
              <blockquote className="border-l-4 border-line pl-3 font-serif italic">“{a.quote}”</blockquote>
              <p>
                <RatingBadge rating={a.rating} />
              </p>
              <p className="text-sm">{a.summary}</p>
              {a.evidence.length > 0 && (
                <ul className="space-y-1 text-sm" aria-label={`Evidence for ${a.label}`}>
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
                Read the fact-check
              </Link>
            </li>
          ))}
        </ol>
      </section>
      {matrix.items.length > 0 && (
        <section aria-labelledby="matrix">
          <h2 id="matrix" className="mb-3 text-xl font-semibold">
            What the evidence says about each account
          </h2>
          <EvidenceMatrix matrix={matrix} columns={accounts.map((a) => ({ key: a.claimSlug, label: a.label }))} />
        </section>
      )}
      <PageUpdates updates={data.updates} />
    </article>
  );
}
