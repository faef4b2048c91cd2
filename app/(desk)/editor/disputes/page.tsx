import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { listDisputes } from "@/db/queries/disputes";
import { requireUser } from "@/lib/auth/session";
import { NewDisputeForm } from "./dispute-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.disputes.list");
  return { title: t("title") };
}

export default async function DisputesPage() {
  await requireUser("/editor/disputes");
  const disputes = await listDisputes();
  const t = await getTranslations("desk.disputes.list");
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        {disputes.length === 0 ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {disputes.map((d) => (
              <li key={d.id} className="p-4">
                <Link href={`/editor/disputes/${d.id}`} className="font-medium text-accent underline">
                  {d.question}
                </Link>
                <p className="text-sm text-muted">
                  {t("accounts", { n: d.accounts })}
                  {d.eventDate ? ` · ${t("event", { date: format.dateTime(new Date(d.eventDate), "day") })}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby="new-dispute" className="rounded-lg border border-line bg-white p-4">
          <h2 id="new-dispute" className="mb-3 font-semibold">
            {t("new")}
          </h2>
          <NewDisputeForm />
        </section>
      </div>
    </>
  );
}
