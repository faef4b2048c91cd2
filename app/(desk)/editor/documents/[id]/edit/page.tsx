import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getEditorDocument } from "@/db/queries/documents";
import { requireUser } from "@/lib/auth/session";
import { DetailsForm, TextForm } from "./edit-forms";
import { parseId } from "@/db/ids";

export const metadata: Metadata = { title: "Edit document" };

export default async function EditDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/editor/documents/${id}/edit`);
  const recordId = parseId(id);
  const data = recordId ? await getEditorDocument(recordId) : null;
  if (!data) notFound();
  const { doc, text } = data;
  return (
    <>
      <PageHeader title={`Edit: ${doc.title}`}>
        Saving the text keeps the old revision and re-anchors every claim; claims whose text is gone are listed as
        orphaned.{" "}
        <Link href={`/editor/documents/${doc.id}`} className="text-accent underline">
          Back to the annotator
        </Link>
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <TextForm documentId={doc.id} revision={doc.currentRevision} text={text} />
        <section aria-labelledby="details-heading" className="rounded-lg border border-line bg-white p-4">
          <h2 id="details-heading" className="mb-3 font-semibold">
            Details
          </h2>
          <DetailsForm doc={doc} />
        </section>
      </div>
    </>
  );
}
