import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReadersPanel } from "@/components/publication/readers-panel";
import { PageHeader } from "@/components/ui/page-header";
import { VerdictStatusText } from "@/components/claims/verdict-status";
import { getClaimantWithClaims } from "@/db/queries/claimants";
import { requireUser } from "@/lib/auth/session";
import { ClaimantForm } from "../claimant-form";
import { parseId } from "@/db/ids";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.claimants.page");
  return { title: t("title") };
}

export default async function ClaimantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/editor/claimants/${id}`);
  const recordId = parseId(id);
  const data = recordId ? await getClaimantWithClaims(recordId) : null;
  if (!data) notFound();
  const { claimant, claims } = data;
  const t = await getTranslations("desk.claimants.page");
  return (
    <>
      <PageHeader title={claimant.name}>
        {claimant.description ?? t("noDescription")}{" "}
        <Link href="/editor/claimants" className="text-accent underline">
          {t("all")}
        </Link>
      </PageHeader>
      <div className="mb-6">
        <ReadersPanel kind="claimant" id={claimant.id} />
      </div>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading" className="mb-3 text-lg font-semibold">
            {t("claims", { n: claims.length })}
          </h2>
          <ul className="space-y-3">
            {claims.map((c) => (
              <li key={c.id} className="rounded-lg border border-line bg-white p-3 text-sm">
                <p className="font-medium">{c.statement}</p>
                <p className="font-serif italic text-muted">{t("quote", { quote: c.quote })}</p>
                <p className="mt-1 text-xs text-muted">
                  <Link href={`/editor/documents/${c.documentId}`} className="text-accent underline">
                    {c.documentTitle}
                  </Link>{" "}
                  · <VerdictStatusText status={c.verdict} />
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="edit-heading" className="rounded-lg border border-line bg-white p-4">
          <h2 id="edit-heading" className="mb-3 font-semibold">
            {t("details")}
          </h2>
          <ClaimantForm claimant={claimant} />
        </section>
      </div>
    </>
  );
}
