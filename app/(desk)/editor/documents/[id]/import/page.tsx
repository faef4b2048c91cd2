import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getEditorDocument } from "@/db/queries/documents";
import { requireUser } from "@/lib/auth/session";
import { AnnotationImportForm } from "./import-form";
import { parseId } from "@/db/ids";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.documents.importAnnotations");
  return { title: t("metaTitle") };
}

/** `/editor/documents/[id]/import`: a W3C annotation file becomes claims of this document. */
export default async function ImportAnnotationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/editor/documents/${id}/import`);
  const recordId = parseId(id);
  const data = recordId ? await getEditorDocument(recordId) : null;
  if (!data) notFound();
  const t = await getTranslations("desk.documents.importAnnotations");
  return (
    <>
      <PageHeader title={t("title", { title: data.doc.title })}>{t("intro")}</PageHeader>
      <AnnotationImportForm documentId={data.doc.id} />
    </>
  );
}
