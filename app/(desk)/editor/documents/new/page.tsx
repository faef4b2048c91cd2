import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.documents.new");
  return { title: t("title") };
}

export default async function NewDocumentPage() {
  await requireUser("/editor/documents/new");
  const t = await getTranslations("desk.documents.new");
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="max-w-3xl">
        <ImportForm />
      </div>
    </>
  );
}
