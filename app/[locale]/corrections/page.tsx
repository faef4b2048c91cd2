import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { listCorrections } from "@/db/queries/public/pages";
import { publicMetadata } from "@/lib/config/public-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return publicMetadata(
    "/corrections",
    "Corrections",
    "Every correction and retraction of our fact-checks, newest first.",
  );
}

export default async function CorrectionsPage() {
  await connection();
  const items = await listCorrections();
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-serif text-4xl font-semibold tracking-tight">Corrections</h1>
      <p className="text-muted">Every correction and retraction of our fact-checks, newest first.</p>
      {items.length === 0 ? (
        <p>No corrections so far.</p>
      ) : (
        <ol className="space-y-4">
          {items.map((c, i) => (
            <li key={i} className="rounded-lg border border-line bg-white p-4">
              <p className="text-sm font-semibold">
                {c.kind === "retraction" ? "Retracted" : "Corrected"} on {c.at.toISOString().slice(0, 10)}
              </p>
              <p className="mt-1">
                <Link href={`/claims/${c.claimSlug}`} className="font-serif text-lg hover:underline">
                  {c.statement}
                </Link>
              </p>
              <p className="mt-1 text-sm">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
