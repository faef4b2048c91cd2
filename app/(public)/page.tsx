import Link from "next/link";
import { connection } from "next/server";
import { RatingBadge } from "@/components/ui/rating-badge";
import { getLatestPublishedVerdicts } from "@/db/queries/public-verdicts";

export default async function HomePage() {
  await connection(); // read at request time, never at build time
  const latest = getLatestPublishedVerdicts();
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
                  <RatingBadge label={v.rating} colour={v.colour} />
                  <span className="text-sm text-muted">{v.claimant}</span>
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
    </div>
  );
}
