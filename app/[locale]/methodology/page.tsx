import type { Metadata } from "next";
import { connection } from "next/server";
import { Link } from "@/lib/i18n/navigation";
import { RatingBadge } from "@/components/ui/rating-badge";
import { getRatingScale } from "@/db/queries/ratings";
import { getEnv } from "@/lib/config/env";
import { publicMetadata } from "@/lib/config/public-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return publicMetadata(
    "/methodology",
    "Methodology",
    "How we rate claims, how verdicts are reviewed, and how we correct mistakes.",
  );
}

export default async function MethodologyPage() {
  await connection();
  const scale = await getRatingScale();
  const { orgName } = getEnv();
  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <h1 className="font-serif text-4xl font-semibold tracking-tight">Methodology</h1>
      <section aria-labelledby="scale" className="space-y-3">
        <h2 id="scale" className="text-2xl font-semibold">
          The rating scale
        </h2>
        <p>
          Every verdict carries one of these ratings. In our structured data (schema.org ClaimReview), ratings on the
          true–false scale also carry a number, from 1 (the least accurate) upwards; ratings outside it carry none.
        </p>
        <dl className="divide-y divide-line rounded-lg border border-line bg-white">
          {scale.map((r) => (
            <div key={r.key} className="grid gap-2 p-3 sm:grid-cols-[10rem_1fr]">
              <dt className="flex items-center gap-2">
                <RatingBadge rating={r} />
                {r.ordinal !== null && <span className="text-xs text-muted">value {r.ordinal}</span>}
              </dt>
              <dd>{r.description}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="review" className="space-y-2">
        <h2 id="review" className="text-2xl font-semibold">
          How a verdict is reviewed
        </h2>
        <p>
          A reporter or researcher at {orgName} drafts each verdict: the rating, a one-line summary, and a rationale
          that explains the reasoning and links every source. Nothing is published until a second editor — someone who
          neither wrote nor edited it — has reviewed it. A verdict cannot be published without a rating, a summary, a
          rationale of at least 200 characters and at least one source a reader can follow.
        </p>
        <p>
          Where the same event is described in competing ways, we set the accounts side by side and show how each piece
          of evidence bears on each of them.
        </p>
      </section>
      <section aria-labelledby="corrections" className="space-y-2">
        <h2 id="corrections" className="text-2xl font-semibold">
          Corrections policy
        </h2>
        <p>
          When we get something wrong, we correct it openly. A correction goes through the same review as the original
          verdict and is published with a note saying what changed; the earlier version is kept. A verdict we can no
          longer stand behind is retracted, and a notice with the reason stays in its place. Every correction and
          retraction is listed on the{" "}
          <Link href="/corrections" className="text-accent underline">
            corrections page
          </Link>
          .
        </p>
      </section>
    </article>
  );
}
