import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { listCorrections } from "@/db/queries/public/pages";
import { publicMetadata } from "@/lib/config/public-metadata";
import { contentLanguage } from "@/lib/i18n/content-language";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.corrections");
  return publicMetadata("/corrections", t("title"), t("description"));
}

export default async function CorrectionsPage() {
  await connection();
  const items = await listCorrections();
  const t = await getTranslations("public.corrections");
  const format = await getFormatter();
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-muted">{t("description")}</p>
      {items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="space-y-4">
          {items.map((c, i) => (
            <li key={i} className="rounded-lg border border-line bg-white p-4">
              <p className="text-sm font-semibold">{t("item", { kind: c.kind, date: format.dateTime(c.at, "day") })}</p>
              <p className="mt-1" {...contentLanguage(c.statementLanguage)}>
                <Link href={`/claims/${c.claimSlug}`} className="font-serif text-lg hover:underline">
                  {c.statement}
                </Link>
              </p>
              <p className="mt-1 text-sm" {...contentLanguage(c.language)}>
                {c.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
