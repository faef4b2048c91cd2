import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { listDocuments } from "@/db/queries/documents";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.documents.list");
  return { title: t("title") };
}

export default async function DocumentsPage() {
  await requireUser("/editor/documents");
  const t = await getTranslations("desk.documents.list");
  const format = await getFormatter();
  const docs = await listDocuments();
  return (
    <>
      <PageHeader title={t("title")}>
        {t("intro")}{" "}
        <Link href="/editor/documents/new" className="text-accent underline">
          {t("import")}
        </Link>
      </PageHeader>
      {docs.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <table className="w-full rounded-lg border border-line bg-white text-start text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="border-b border-line bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("columns.title")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("columns.published")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("columns.claims")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("columns.anchorsToCheck")}
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
                <td className="px-3 py-2">{d.publishedAt ? format.dateTime(new Date(d.publishedAt), "day") : "—"}</td>
                <td className="px-3 py-2">{format.number(d.claims, "count")}</td>
                <td className={`px-3 py-2 ${d.needsAttention ? "font-semibold text-danger" : ""}`}>
                  {format.number(d.needsAttention, "count")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
