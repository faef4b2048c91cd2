import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listDocuments } from "@/db/queries/documents";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage() {
  await requireUser("/editor/documents");
  const docs = await listDocuments();
  return (
    <>
      <PageHeader title="Documents">
        Articles and transcripts under review.{" "}
        <Link href="/editor/documents/new" className="text-accent underline">
          Import a document
        </Link>
      </PageHeader>
      {docs.length === 0 ? (
        <p className="text-muted">No documents yet.</p>
      ) : (
        <table className="w-full rounded-lg border border-line bg-white text-left text-sm">
          <caption className="sr-only">Documents</caption>
          <thead className="border-b border-line bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">
                Title
              </th>
              <th scope="col" className="px-3 py-2">
                Published
              </th>
              <th scope="col" className="px-3 py-2">
                Claims
              </th>
              <th scope="col" className="px-3 py-2">
                Anchors to check
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {docs.map((d) => (
              <tr key={d.id}>
                <td className="px-3 py-2">
                  <Link href={`/editor/documents/${d.id}`} className="font-medium text-accent underline">
                    {d.title}
                  </Link>
                  {d.publisher && <div className="text-xs text-muted">{d.publisher}</div>}
                </td>
                <td className="px-3 py-2">{d.publishedAt ?? "—"}</td>
                <td className="px-3 py-2">{d.claims}</td>
                <td className={`px-3 py-2 ${d.needsAttention ? "font-semibold text-danger" : ""}`}>
                  {d.needsAttention}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
