import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a document" };

export default async function NewDocumentPage() {
  await requireUser("/editor/documents/new");
  return (
    <>
      <PageHeader title="Import a document">Paste an article, upload a file, or give the address of a page.</PageHeader>
      <div className="max-w-3xl">
        <ImportForm />
      </div>
    </>
  );
}
