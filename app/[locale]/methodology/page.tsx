import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { RatingBadge } from "@/components/ui/rating-badge";
import { getRatingScale } from "@/db/queries/ratings";
import { ratingIn } from "@/db/queries/shapes";
import { getEnv } from "@/lib/config/env";
import { publicMetadata } from "@/lib/config/public-metadata";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.methodology");
  return publicMetadata("/methodology", t("title"), t("description"));
}

export default async function MethodologyPage() {
  await connection();
  const [scale, locale] = await Promise.all([getRatingScale(), getLocale()]);
  const { orgName } = getEnv();
  const t = await getTranslations("public.methodology");
  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("title")}</h1>
      <section aria-labelledby="scale" className="space-y-3">
        <h2 id="scale" className="text-2xl font-semibold">
          {t("scale")}
        </h2>
        <p>{t("scaleText")}</p>
        <dl className="divide-y divide-line rounded-lg border border-line bg-white">
          {scale.map((r) => (
            <div key={r.key} className="grid gap-2 p-3 sm:grid-cols-[10rem_1fr]">
              <dt className="flex items-center gap-2">
                <RatingBadge rating={r} />
                {r.ordinal !== null && <span className="text-xs text-muted">{t("value", { n: r.ordinal })}</span>}
              </dt>
              <dd>{ratingIn(r, locale).description}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="review" className="space-y-2">
        <h2 id="review" className="text-2xl font-semibold">
          {t("review")}
        </h2>
        <p>{t("reviewText", { org: orgName })}</p>
        <p>{t("disputesText")}</p>
      </section>
      <section aria-labelledby="corrections" className="space-y-2">
        <h2 id="corrections" className="text-2xl font-semibold">
          {t("corrections")}
        </h2>
        <p>
          {t.rich("correctionsText", {
            link: (chunks) => (
              <Link href="/corrections" className="text-accent underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
    </article>
  );
}
