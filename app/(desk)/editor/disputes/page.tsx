import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listDisputes } from "@/db/queries/disputes";
import { requireUser } from "@/lib/auth/session";
import { NewDisputeForm } from "./dispute-forms";

export const metadata: Metadata = { title: "Disputes" };

export default async function DisputesPage() {
  await requireUser("/editor/disputes");
  const disputes = await listDisputes();
  return (
    <>
      <PageHeader title="Disputes">One question about one event, and the competing accounts of it.</PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        {disputes.length === 0 ? (
          <p className="text-muted">No disputes yet.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {disputes.map((d) => (
              <li key={d.id} className="p-4">
                <Link href={`/editor/disputes/${d.id}`} className="font-medium text-accent underline">
                  {d.question}
                </Link>
                <p className="text-sm text-muted">
                  {d.accounts} account{d.accounts === 1 ? "" : "s"}
                  {d.eventDate ? ` · event ${d.eventDate}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby="new-dispute" className="rounded-lg border border-line bg-white p-4">
          <h2 id="new-dispute" className="mb-3 font-semibold">
            New dispute
          </h2>
          <NewDisputeForm />
        </section>
      </div>
    </>
  );
}
