import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getEditorDocument } from "@/db/queries/documents";
import { requireUser } from "@/lib/auth/session";
import { AnnotationImportForm } from "./import-form";
import { parseId } from "@/db/ids";

export const metadata: Metadata = { title: "Import annotations" };

/** `/editor/documents/[id]/import`: a W3C annotation file becomes claims of this document. */
export default async function ImportAnnotationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/editor/documents/${id}/import`);
  const recordId = parseId(id);
  const data = recordId ? await getEditorDocument(recordId) : null;
  if (!data) notFound();
  return (
    <>
      <PageHeader title={`Import annotations into “${data.doc.title}”`}>
        Each annotation is anchored in the current text by the same rules as an edit: anchored, fuzzy (you confirm the
        place) or orphaned (you re-attach it). Verdicts in the file are not imported. A file with any invalid annotation
        is refused whole.
      </PageHeader>
      <AnnotationImportForm documentId={data.doc.id} />
    </>
  );
}
