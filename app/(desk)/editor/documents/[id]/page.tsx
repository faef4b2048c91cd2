import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportLink } from "@/components/reports/report-link";
import { notFound } from "next/navigation";
import { Annotator } from "@/components/annotator/annotator";
import { ReadersPanel } from "@/components/publication/readers-panel";
import { Alert } from "@/components/ui/alert";
import { getEditorDocument } from "@/db/queries/documents";
import { listDisputes } from "@/db/queries/disputes";
import { parseId } from "@/db/ids";
import { requireUser } from "@/lib/auth/session";
import {
  confirmAnchorAction,
  createClaimAction,
  deleteClaimAction,
  reattachClaimAction,
  updateClaimAction,
} from "./actions";

type Params = { params: Promise<{ id: string }> };
type Search = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const recordId = parseId(id);
  const doc = recordId ? (await getEditorDocument(recordId))?.doc : null;
  const t = await getTranslations("desk.documents.page");
  return { title: doc?.title ?? t("title") };
}

export default async function DocumentPage({ params, searchParams }: Params & Search) {
  const { id } = await params;
  const saved = await searchParams;
  await requireUser(`/editor/documents/${id}`);
  const recordId = parseId(id);
  const data = recordId ? await getEditorDocument(recordId) : null;
  if (!data) notFound();
  const { doc, text, claims } = data;
  const disputes = await listDisputes();
  const t = await getTranslations("desk.documents.page");
  const format = await getFormatter();
  const published = doc.publishedAt ? format.dateTime(new Date(doc.publishedAt), "day") : null;
  const meta = [doc.publisher, doc.author, published, doc.language].filter(Boolean).join(" · ");
  return (
    <>
      <div className="mb-6 border-b border-line pb-4">
        <p className="text-sm">
          <Link href="/editor/documents" className="text-accent underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="mt-1 font-serif text-3xl font-semibold tracking-tight">{doc.title}</h1>
        <p className="mt-1 text-sm text-muted">
          {meta || t("noDetails")} · {t("revision", { revision: doc.currentRevision })}
          {doc.sourceUrl && (
            <>
              {" · "}
              <a href={doc.sourceUrl} className="text-accent underline" rel="noopener noreferrer nofollow">
                {t("source")}
              </a>
            </>
          )}
        </p>
        <p className="mt-2 flex gap-4 text-sm">
          <Link href={`/editor/documents/${doc.id}/edit`} className="text-accent underline">
            {t("edit")}
          </Link>
          <Link href={`/editor/documents/${doc.id}/import`} className="text-accent underline">
            {t("importAnnotations")}
          </Link>
          <ReportLink scope="document" id={doc.id} />
        </p>
      </div>
      {saved.saved && (
        <div className="mb-4">
          <Alert tone={Number(saved.orphaned) > 0 || Number(saved.fuzzy) > 0 ? "info" : "success"}>
            {t("saved", {
              revision: saved.saved,
              anchored: Number(saved.anchored ?? 0),
              fuzzy: Number(saved.fuzzy ?? 0),
              orphaned: Number(saved.orphaned ?? 0),
            })}
          </Alert>
        </div>
      )}
      <div className="mb-6">
        <ReadersPanel kind="document" id={doc.id} />
      </div>
      <Annotator
        document={{ id: doc.id, revision: doc.currentRevision, publishedAt: doc.publishedAt, language: doc.language }}
        text={text}
        claims={claims}
        disputes={disputes.map((d) => ({ id: d.id, question: d.question }))}
        actions={{
          create: createClaimAction,
          update: updateClaimAction,
          remove: deleteClaimAction,
          confirm: confirmAnchorAction,
          reattach: reattachClaimAction,
        }}
      />
    </>
  );
}
