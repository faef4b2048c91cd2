import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Work queue" };

function VerdictItem({ item }: { item: QueueItem }) {
  return (
    <>
      <Link href={`/editor/claims/${item.claimId}`} className="font-medium text-accent underline">
        {item.statement}
      </Link>
      <p className="text-muted">
        {item.claimant} · {item.documentTitle} · {item.rating ?? "no rating yet"}
      </p>
    </>
  );
}

const verdictItem = (i: QueueItem) => <VerdictItem item={i} />;

export default async function EditorDashboard() {
  const user = await requireUser("/editor");
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
      <PageHeader title="Work queue">Signed in as {user.name}. What needs you today.</PageHeader>
      <div className="grid gap-6 md:grid-cols-2">
        <QueueList
          title="Changes requested of me"
          items={changesRequested}
          empty="No reviewer has sent anything back."
          render={verdictItem}
        />
        <QueueList title="My drafts" items={drafts} empty="No drafts of yours." render={verdictItem} />
        {canReview ? (
          <QueueList
            title="Waiting for my review"
            items={inReview}
            empty="Nothing is waiting for review."
            render={verdictItem}
          />
        ) : (
          <QueueList
            title="My verdicts in review"
            items={inReview}
            empty="None of your verdicts is waiting for review."
            render={verdictItem}
          />
        )}
        <QueueList
          title="Recently published"
          items={recentlyPublished}
          empty="Nothing published yet."
          render={verdictItem}
        />
        <QueueList
          title="Changes waiting for publication"
          items={pendingRecords}
          empty="Readers see every claimant, document and dispute as the desk has them."
          render={(i) => (
            <>
              <Link href={`/editor/${i.kind}s/${i.id}`} className="font-medium text-accent underline">
                {i.title}
              </Link>
              <p className="text-muted">
                {i.kind} · changed {i.at.toISOString().slice(0, 10)}: a second editor publishes it
              </p>
            </>
          )}
        />
        <QueueList
          title="Orphaned and moved claims"
          items={anchorProblems}
          empty="Every claim is anchored to its text."
          render={(i) => (
            <>
              <Link href={`/editor/documents/${i.documentId}`} className="font-medium text-accent underline">
                {i.statement}
              </Link>
              <p className="text-muted">
                {i.documentTitle} ·{" "}
                {i.anchorStatus === "orphaned"
                  ? "orphaned: its text was removed"
                  : "re-found after an edit: confirm its place"}
              </p>
            </>
          )}
        />
        <QueueList
          title="Claims without a verdict"
          items={withoutVerdict}
          empty="Every claim has a verdict in progress."
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
