import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { publicMetadata } from "@/lib/config/public-metadata";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { RatingBadge } from "@/components/ui/rating-badge";
import { listFeedVerdicts } from "@/db/queries/public/pages";
import { listPublicDisputes } from "@/db/queries/public/records";
import { contentLanguage } from "@/lib/i18n/content-language";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.home");
  return publicMetadata("/", t("title"), t("description"));
}

export default async function HomePage() {
  await connection(); // read at request time, never at build time
  const [latest, disputes] = await Promise.all([listFeedVerdicts(10), listPublicDisputes(10)]);
  const t = await getTranslations("public.home");
  const format = await getFormatter();
  return (
    <div className="space-y-8">
      <section>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-2xl text-lg text-muted">{t("description")}</p>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
          {t("latest")}
        </h2>
        {latest.length === 0 ? (
          <p className="text-muted">{t("noVerdicts")}</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {latest.map((v) => (
              <li key={v.slug} className="p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <RatingBadge rating={v.rating} />
                  <span className="text-sm text-muted">{v.claimantName}</span>
                </div>
                <p className="mt-1 font-serif text-lg" {...contentLanguage(v.statementLanguage)}>
                  <Link href={`/claims/${v.slug}`} className="hover:underline">
                    {v.statement}
                  </Link>
                </p>
                <p className="mt-1 text-sm text-muted" {...contentLanguage(v.language)}>
                  {v.summary}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {disputes.length > 0 && (
        <section aria-labelledby="disputes-heading">
          <h2 id="disputes-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
            {t("disputes")}
          </h2>
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {disputes.map((d) => (
              <li key={d.slug} className="p-4">
                <Link href={`/disputes/${d.slug}`} className="font-serif text-lg hover:underline">
                  {d.question}
                </Link>
                <p className="text-sm text-muted">
                  {t("accounts", { n: d.accounts })}
                  {d.eventDate ? ` · ${format.dateTime(new Date(d.eventDate), "day")}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
