import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { listClaimants } from "@/db/queries/claimants";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.claimants.list");
  return { title: t("title") };
}

export default async function ClaimantsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  await requireUser("/editor/claimants");
  const claimants = await listClaimants(q);
  const t = await getTranslations("desk.claimants.list");
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <form role="search" className="mb-4 flex max-w-md gap-2">
        <label htmlFor="q" className="sr-only">
          {t("findLabel")}
        </label>
        <input
          id="q"
          name="q"
          defaultValue={q}
          placeholder={t("findPlaceholder")}
          className="flex-1 rounded-md border border-line bg-white px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md border border-line bg-white px-3 py-2 text-sm">
          {t("find")}
        </button>
      </form>
      {claimants.length === 0 ? (
        <p className="text-muted">{q ? t("noMatch", { q }) : t("none")}</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white">
          {claimants.map((c) => (
            <li key={c.id} className="flex items-baseline justify-between gap-4 p-3">
              <div>
                <Link href={`/editor/claimants/${c.id}`} className="font-medium text-accent underline">
                  {c.name}
                </Link>
                {c.description && <span className="ms-2 text-sm text-muted">{c.description}</span>}
              </div>
              <span className="text-sm text-muted">{t("claims", { n: c.claims })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
