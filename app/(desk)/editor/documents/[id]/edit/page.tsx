import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getEditorDocument } from "@/db/queries/documents";
import { requireUser } from "@/lib/auth/session";
import { DetailsForm, TextForm } from "./edit-forms";
import { parseId } from "@/db/ids";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.documents.edit");
  return { title: t("metaTitle") };
}

export default async function EditDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/editor/documents/${id}/edit`);
  const recordId = parseId(id);
  const data = recordId ? await getEditorDocument(recordId) : null;
  if (!data) notFound();
  const { doc, text } = data;
  const t = await getTranslations("desk.documents.edit");
  return (
    <>
      <PageHeader title={t("title", { title: doc.title })}>
        {t("intro")}{" "}
        <Link href={`/editor/documents/${doc.id}`} className="text-accent underline">
          {t("back")}
        </Link>
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <TextForm documentId={doc.id} revision={doc.currentRevision} text={text} />
        <section aria-labelledby="details-heading" className="rounded-lg border border-line bg-white p-4">
          <h2 id="details-heading" className="mb-3 font-semibold">
            {t("details")}
          </h2>
          <DetailsForm doc={doc} />
        </section>
      </div>
    </>
  );
}
