import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { QueueList } from "@/components/ui/queue-list";
import { listPendingRecords } from "@/db/queries/record-changes";
import {
  getAnchorProblems,
  getAwaitingReview,
  getChangesRequested,
  getClaimsWithoutVerdict,
  getMyDrafts,
  getMySubmitted,
  getRecentlyPublished,
  type QueueItem,
} from "@/db/queries/work-queue";
import { requireUser, userCan } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.workQueue");
  return { title: t("title") };
}

function VerdictItem({ item, noRating }: { item: QueueItem; noRating: string }) {
  return (
    <>
      <Link href={`/editor/claims/${item.claimId}`} className="font-medium text-accent underline">
        {item.statement}
      </Link>
      <p className="text-muted">
        {item.claimant} · {item.documentTitle} · {item.rating ?? noRating}
      </p>
    </>
  );
}

export default async function EditorDashboard() {
  const user = await requireUser("/editor");
  const t = await getTranslations("desk.workQueue");
  const verdictItem = (i: QueueItem) => <VerdictItem item={i} noRating={t("noRating")} />;
  const canReview = userCan(user, "verdicts:review");
  const [changesRequested, drafts, inReview, recentlyPublished, anchorProblems, withoutVerdict, pendingRecords] =
    await Promise.all([
      getChangesRequested(user.id),
      getMyDrafts(user.id),
      canReview ? getAwaitingReview(user.id) : getMySubmitted(user.id),
      getRecentlyPublished(),
      getAnchorProblems(),
      getClaimsWithoutVerdict(),
      listPendingRecords(),
    ]);
  return (
    <>
      <PageHeader title={t("title")}>{t("intro", { name: user.name })}</PageHeader>
      <div className="grid gap-6 md:grid-cols-2">
        <QueueList
          id="changes-requested-of-me"
          title={t("changesRequested.title")}
          items={changesRequested}
          empty={t("changesRequested.empty")}
          render={verdictItem}
        />
        <QueueList
          id="my-drafts"
          title={t("drafts.title")}
          items={drafts}
          empty={t("drafts.empty")}
          render={verdictItem}
        />
        {canReview ? (
          <QueueList
            id="waiting-for-my-review"
            title={t("awaitingReview.title")}
            items={inReview}
            empty={t("awaitingReview.empty")}
            render={verdictItem}
          />
        ) : (
          <QueueList
            id="my-verdicts-in-review"
            title={t("submitted.title")}
            items={inReview}
            empty={t("submitted.empty")}
            render={verdictItem}
          />
        )}
        <QueueList
          id="recently-published"
          title={t("recentlyPublished.title")}
          items={recentlyPublished}
          empty={t("recentlyPublished.empty")}
          render={verdictItem}
        />
        <QueueList
          id="changes-waiting-for-publication"
          title={t("pendingRecords.title")}
          items={pendingRecords}
          empty={t("pendingRecords.empty")}
          render={(i) => (
            <>
              <Link href={`/editor/${i.kind}s/${i.id}`} className="font-medium text-accent underline">
                {i.title}
              </Link>
              <p className="text-muted">{t("pendingRecords.item", { kind: i.kind, at: i.at })}</p>
            </>
          )}
        />
        <QueueList
          id="orphaned-and-moved-claims"
          title={t("anchorProblems.title")}
          items={anchorProblems}
          empty={t("anchorProblems.empty")}
          render={(i) => (
            <>
              <Link href={`/editor/documents/${i.documentId}`} className="font-medium text-accent underline">
                {i.statement}
              </Link>
              <p className="text-muted">
                {i.documentTitle} ·{" "}
                {i.anchorStatus === "orphaned" ? t("anchorProblems.orphaned") : t("anchorProblems.fuzzy")}
              </p>
            </>
          )}
        />
        <QueueList
          id="claims-without-a-verdict"
          title={t("withoutVerdict.title")}
          items={withoutVerdict}
          empty={t("withoutVerdict.empty")}
          render={(i) => (
            <>
              <Link href={`/editor/claims/${i.claimId}`} className="font-medium text-accent underline">
                {i.statement}
              </Link>
              <p className="text-muted">
                {i.claimant} · {i.documentTitle}
              </p>
            </>
          )}
        />
      </div>
    </>
  );
}
