import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listClaimants } from "@/db/queries/claimants";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Claimants" };

export default async function ClaimantsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  await requireUser("/editor/claimants");
  const claimants = await listClaimants(q);
  return (
    <>
      <PageHeader title="Claimants">People and organisations whose statements are checked.</PageHeader>
      <form role="search" className="mb-4 flex max-w-md gap-2">
        <label htmlFor="q" className="sr-only">
          Find claimants
        </label>
        <input
          id="q"
          name="q"
          defaultValue={q}
          placeholder="Name or affiliation"
          className="flex-1 rounded-md border border-line bg-white px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md border border-line bg-white px-3 py-2 text-sm">
          Find
        </button>
      </form>
      {claimants.length === 0 ? (
        <p className="text-muted">No claimants{q ? ` match “${q}”` : " yet"}.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white">
          {claimants.map((c) => (
            <li key={c.id} className="flex items-baseline justify-between gap-4 p-3">
              <div>
                <Link href={`/editor/claimants/${c.id}`} className="font-medium text-accent underline">
                  {c.name}
                </Link>
                {c.description && <span className="ml-2 text-sm text-muted">{c.description}</span>}
              </div>
              <span className="text-sm text-muted">
                {c.claims} claim{c.claims === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
