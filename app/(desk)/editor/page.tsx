import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DueDate } from "@/components/claims/due-date";
import { PriorityLabel } from "@/components/claims/priority-label";
import { PageHeader } from "@/components/ui/page-header";
import { QueueList } from "@/components/ui/queue-list";
import {
  countAssignedClaims,
  listAssignedClaims,
  viewFilter,
  type AssignedClaim,
  type AssignmentView,
} from "@/db/queries/assignments";
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

/** How many claims each of the assignment lists shows; the claims page has the rest. */
const SHOWN = 10;

function AssignedItem({ item, labels }: { item: AssignedClaim; labels: { due: string; priority: string } }) {
  return (
    <>
      <Link href={`/editor/claims/${item.id}`} className="font-medium text-accent underline">
        {item.statement}
      </Link>
      <p className="text-muted">
        {item.claimant} · {labels.due}: <DueDate dueAt={item.dueAt} /> · {labels.priority}:{" "}
        <PriorityLabel priority={item.priority} />
      </p>
    </>
  );
}

/** The work queue's lists of assigned work: mine, due within a day and overdue, each soonest first. */
async function AssignmentLists({ userId }: { userId: number }) {
  const t = await getTranslations("desk.workQueue");
  const words = await getTranslations("desk.assignments");
  const labels = { due: words("due"), priority: words("priorityLabel") };
  const views = [
    { view: "mine", id: "assigned-to-me", title: t("assignedToMe.title"), empty: t("assignedToMe.empty") },
    { view: "due-soon", id: "due-soon", title: t("dueSoon.title"), empty: t("dueSoon.empty") },
    { view: "overdue", id: "overdue", title: t("overdue.title"), empty: t("overdue.empty") },
  ] satisfies { view: AssignmentView; id: string; title: string; empty: string }[];
  const lists = await Promise.all(
    views.map(async (v) => {
      const filter = viewFilter(v.view, userId);
      const [items, total] = await Promise.all([
        listAssignedClaims({ filter, limit: SHOWN }),
        countAssignedClaims(filter),
      ]);
      return { ...v, items, total };
    }),
  );
  return (
    <div className="mb-6 space-y-3">
      <div className="grid gap-6 md:grid-cols-3">
        {lists.map((l) => (
          <QueueList
            key={l.id}
            id={l.id}
            title={l.title}
            items={l.items}
            total={l.total}
            empty={l.empty}
            render={(i) => <AssignedItem item={i} labels={labels} />}
            footer={
              l.total > SHOWN ? (
                <Link href={`/editor/claims?view=${l.view}`} className="text-accent underline">
                  {t("allOf", { count: l.total })}
                </Link>
              ) : undefined
            }
          />
        ))}
      </div>
      <p className="text-sm">
        <Link href="/editor/claims" className="text-accent underline">
          {t("allClaims")}
        </Link>
      </p>
    </div>
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
      <AssignmentLists userId={user.id} />
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
