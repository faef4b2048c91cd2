import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReportLink } from "@/components/reports/report-link";
import { notFound } from "next/navigation";
import { ReadersPanel } from "@/components/publication/readers-panel";
import { PageHeader } from "@/components/ui/page-header";
import { VerdictStatusText } from "@/components/claims/verdict-status";
import { EvidenceMatrix } from "@/components/evidence/evidence-matrix";
import { getDisputeWithAccounts, getEvidenceMatrix, searchClaims } from "@/db/queries/disputes";
import { requireUser } from "@/lib/auth/session";
import { AddAccountForm, DisputeDetailsForm, RemoveAccountForm } from "../dispute-forms";
import { parseId } from "@/db/ids";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.disputes.page");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> };

export default async function DisputePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { q = "" } = await searchParams;
  await requireUser(`/editor/disputes/${id}`);
  const recordId = parseId(id);
  const data = recordId ? await getDisputeWithAccounts(recordId) : null;
  if (!data) notFound();
  const { dispute, accounts } = data;
  const inDispute = new Set(accounts.map((a) => a.claimId));
  const results = q.trim() ? (await searchClaims(q)).filter((c) => !inDispute.has(c.id)) : [];
  const matrix = await getEvidenceMatrix(accounts.map((a) => a.claimId));
  const t = await getTranslations("desk.disputes.page");
  return (
    <>
      <PageHeader title={dispute.question}>
        {dispute.eventDate ? `${t("eventOn", { date: new Date(dispute.eventDate) })} ` : ""}
        <Link href="/editor/disputes" className="text-accent underline">
          {t("all")}
        </Link>
        {" · "}
        <ReportLink scope="dispute" id={dispute.id} />
      </PageHeader>
      <div className="mb-6">
        <ReadersPanel kind="dispute" id={dispute.id} />
      </div>

      <section aria-labelledby="accounts-heading" className="mb-10">
        <h2 id="accounts-heading" className="mb-3 text-lg font-semibold">
          {t("accounts")}
        </h2>
        {accounts.length === 0 ? (
          <p className="text-muted">{t("noAccounts")}</p>
        ) : (
          <ol className="grid gap-4" style={{ gridTemplateColumns: `repeat(auto-fit, minmax(16rem, 1fr))` }}>
            {accounts.map((a) => (
              <li
                key={a.claimId}
                className="flex flex-col rounded-lg border border-line bg-white p-4"
                data-testid={`account-${a.claimId}`}
              >
                <p className="text-xs font-semibold uppercase tracking-wide text-muted">{a.label}</p>
                <p className="mt-1 font-medium">{a.claimant}</p>
                <Link href={`/editor/claims/${a.claimId}`} className="mt-2 text-accent underline">
                  {a.statement}
                </Link>
                <blockquote className="mt-2 border-s-4 border-line ps-3 font-serif text-sm italic">
                  {t("quote", { quote: a.quote })}
                </blockquote>
                <p className="mt-2 text-xs text-muted">
                  {t.rich("inDocument", {
                    document: a.documentTitle,
                    link: (chunks) => (
                      <Link href={`/editor/documents/${a.documentId}`} className="text-accent underline">
                        {chunks}
                      </Link>
                    ),
                  })}{" "}
                  · <VerdictStatusText status={a.verdict} />
                </p>
                <div className="mt-auto">
                  <RemoveAccountForm disputeId={dispute.id} claimId={a.claimId} label={a.label} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="matrix-heading" className="mb-10">
        <h2 id="matrix-heading" className="mb-3 text-lg font-semibold">
          {t("matrix")}
        </h2>
        <EvidenceMatrix matrix={matrix} columns={accounts.map((a) => ({ key: a.claimId, label: a.label }))} />
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="add-heading">
          <h2 id="add-heading" className="mb-3 text-lg font-semibold">
            {t("add")}
          </h2>
          <form role="search" className="mb-4 flex gap-2">
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
          {q.trim() && results.length === 0 && <p className="text-sm text-muted">{t("noMatch", { q })}</p>}
          <ul className="space-y-3">
            {results.map((c) => (
              <li key={c.id} className="rounded-lg border border-line bg-white p-3 text-sm">
                <p className="font-medium">{c.statement}</p>
                <p className="mb-2 text-xs text-muted">
                  {c.claimant} · {c.documentTitle}
                </p>
                <AddAccountForm disputeId={dispute.id} claimId={c.id} defaultLabel={c.claimant} />
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="details-heading" className="rounded-lg border border-line bg-white p-4">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold">
            {t("details")}
          </h2>
          <DisputeDetailsForm dispute={dispute} />
        </section>
      </div>
    </>
  );
}
