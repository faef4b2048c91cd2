import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { publicMetadata } from "@/lib/config/public-metadata";
import { connection } from "next/server";
import { RatingBadge } from "@/components/ui/rating-badge";
import { listFeedVerdicts } from "@/db/queries/public/pages";
import { listPublicDisputes } from "@/db/queries/public/records";

export async function generateMetadata(): Promise<Metadata> {
  return publicMetadata(
    "/",
    "Checked claims",
    "Contested statements from the news, who made them, the evidence, and a verdict signed off by two editors.",
  );
}

export default async function HomePage() {
  await connection(); // read at request time, never at build time
  const [latest, disputes] = await Promise.all([listFeedVerdicts(10), listPublicDisputes(10)]);
  return (
    <div className="space-y-8">
      <section>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">Checked claims</h1>
        <p className="mt-2 max-w-2xl text-lg text-muted">
          Contested statements from the news, who made them, the evidence, and a verdict signed off by two editors.
        </p>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
          Latest verdicts
        </h2>
        {latest.length === 0 ? (
          <p className="text-muted">No verdicts have been published yet.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {latest.map((v) => (
              <li key={v.slug} className="p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <RatingBadge rating={v.rating} />
                  <span className="text-sm text-muted">{v.claimantName}</span>
                </div>
                <p className="mt-1 font-serif text-lg">
                  <Link href={`/claims/${v.slug}`} className="hover:underline">
                    {v.statement}
                  </Link>
                </p>
                <p className="mt-1 text-sm text-muted">{v.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {disputes.length > 0 && (
        <section aria-labelledby="disputes-heading">
          <h2 id="disputes-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
            Disputed events
          </h2>
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {disputes.map((d) => (
              <li key={d.slug} className="p-4">
                <Link href={`/disputes/${d.slug}`} className="font-serif text-lg hover:underline">
                  {d.question}
                </Link>
                <p className="text-sm text-muted">
                  {d.accounts} checked account{d.accounts === 1 ? "" : "s"}
                  {d.eventDate ? ` · ${d.eventDate}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
