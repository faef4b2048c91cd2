import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReportLink } from "@/components/reports/report-link";
import { notFound } from "next/navigation";
import { AddEvidence } from "@/components/evidence/add-evidence";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { CommentThread } from "@/components/verdicts/comment-thread";
import { StartVerdict } from "@/components/verdicts/start-verdict";
import { VerdictEditor } from "@/components/verdicts/verdict-editor";
import { VerdictView } from "@/components/verdicts/verdict-view";
import { VersionCompare } from "@/components/verdicts/version-compare";
import { CheckedBefore } from "@/components/claims/checked-before";
import { AssignmentPanel } from "@/components/claims/assignment-panel";
import { ActionButton } from "@/components/ui/action-button";
import { Appearances, RepeatOf } from "@/components/claims/repeats";
import { ReadersSeeClaim } from "@/components/publication/readers-see-claim";
import { WorkflowPanel } from "@/components/verdicts/workflow-panel";
import { getClaimForEditor, searchEvidence } from "@/db/queries/claim-editor";
import { getClaimAssignment } from "@/db/queries/assignments";
import { listAssignablePeople } from "@/db/queries/assignments";
import { getRatingScale } from "@/db/queries/ratings";
import { ratingIn } from "@/db/queries/shapes";
import { requireUser, userCan } from "@/lib/auth/session";
import { findMatches } from "@/lib/services/matching/find-matches";
import { missingForPublicationOf } from "@/lib/services/verdicts/load-verdict";
import { contentLanguage } from "@/lib/i18n/content-language";
import { allowedSteps } from "@/lib/workflow/verdict-workflow";
import * as actions from "./actions";
import { parseId } from "@/db/ids";
import type { Role } from "@/db/enums";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.claim");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ evidence?: string }> };

/** A day written as YYYY-MM-DD (when a claim was made): shown as the locale writes days; anything else as it is. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function ClaimPage({ params, searchParams }: Props) {
  const { id } = await params;
  const t = await getTranslations("desk.claim");
  const format = await getFormatter();
  // Audit actions and record kinds are named in the catalogue; one written since is shown as it is stored.
  type Key = Parameters<typeof t>[0];
  const day = (s: string) => (DAY.test(s) ? format.dateTime(new Date(s), "day") : s);
  const { evidence: evidenceQuery = "" } = await searchParams;
  const user = await requireUser(`/editor/claims/${id}`);
  const recordId = parseId(id);
  const data = recordId ? await getClaimForEditor(recordId) : null;
  if (!data) notFound();
  const { claim, readersSee, versions, evidence, comments, timeline, disputes, repeats } = data;

  const open = versions.find((v) => v.state === "draft" || v.state === "in_review");
  const published = versions.find((v) => v.state === "published");
  const retracted = !published ? versions.findLast((v) => v.state === "retracted") : undefined;
  const stepsFor = (v: (typeof versions)[number]) => allowedSteps(v.state, user.role, v.authorId === user.id);
  const found = evidenceQuery.trim()
    ? (await searchEvidence(evidenceQuery)).filter((f) => !evidence.some((e) => e.evidenceId === f.id))
    : [];
  const locale = await getLocale();
  const ratings =
    open && stepsFor(open).includes("edit")
      ? (await getRatingScale()).map((r) => ({ key: r.key, label: ratingIn(r, locale).label }))
      : [];
  const missing = open ? await missingForPublicationOf({ claimId: claim.id, ...open }, await getTranslations()) : [];
  const { matches } = await findMatches(user.actor, {
    text: `${claim.statement} ${claim.quote}`,
    limit: 5,
    claim: claim.id,
  });

  const canBeRepeat = versions.length === 0 && repeats.appearances.length === 0;
  const canAssign = userCan(user, "claims:assign");
  const [assignment, people] = await Promise.all([
    getClaimAssignment(claim.id),
    canAssign ? listAssignablePeople() : Promise.resolve([]),
  ]);

  return (
    <>
      <div className="mb-6 border-b border-line pb-4">
        <p className="text-sm">
          <Link href={`/editor/documents/${claim.documentId}`} className="text-accent underline">
            {claim.documentTitle}
          </Link>
          {" · "}
          <ReportLink scope="claim" id={claim.id} />
        </p>
        <h1 className="mt-1 font-serif text-3xl font-semibold tracking-tight" {...contentLanguage(claim.language)}>
          {claim.statement}
        </h1>
        <p className="mt-1 text-sm text-muted">
          {claim.claimant.name}
          {claim.claimant.description ? `, ${claim.claimant.description}` : ""}
          {claim.claimedAt ? ` · ${day(claim.claimedAt)}` : ""}
          {claim.anchorStatus !== "anchored" ? ` · ${t(`anchorStatus.${claim.anchorStatus}`)}` : ""}
        </p>
        <blockquote className="mt-3 max-w-prose font-serif text-lg" {...contentLanguage(claim.language)}>
          …{claim.prefix}
          <mark className="bg-amber-100">{claim.quote}</mark>
          {claim.suffix}…
        </blockquote>
        {repeats.of && <RepeatOf claim={claim} of={repeats.of} unlink={actions.unlinkRepeatAction} />}
        {readersSee.length > 0 && <ReadersSeeClaim changes={readersSee} />}
        {disputes.map((d) => (
          <p key={d.id} className="mt-2 text-sm">
            {t.rich("disputeAccount", {
              label: d.label,
              question: d.question,
              link: (chunks) => (
                <Link href={`/editor/disputes/${d.id}`} className="text-accent underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ))}
      </div>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <section aria-labelledby="verdict-heading" className="space-y-4">
            <h2 id="verdict-heading" className="text-lg font-semibold">
              {t("verdictHeading")}
            </h2>
            {versions.length === 0 && !repeats.of && (
              <StartVerdict claimId={claim.id} start={actions.createVerdictAction} />
            )}
            {repeats.of && <p className="text-sm text-muted">{t("repeatSharesVerdict")}</p>}
            {published && (
              <div className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid="published-verdict">
                <p className="text-xs font-semibold uppercase tracking-wide text-ok">{t("published")}</p>
                <VerdictView v={published} claimLanguage={claim.language} />
                <WorkflowPanel
                  verdictId={published.id}
                  version={published.version}
                  steps={open ? stepsFor(published).filter((s) => s !== "correct") : stepsFor(published)}
                  isCorrection={false}
                  missing={[]}
                  act={actions.verdictStepAction}
                />
              </div>
            )}
            {retracted && (
              <div className="rounded-lg border border-danger/40 bg-white p-4">
                <VerdictView v={retracted} claimLanguage={claim.language} />
              </div>
            )}
            {open && (
              <div className="space-y-3 rounded-lg border border-accent/40 bg-white p-4" data-testid="open-verdict">
                <p className="text-xs font-semibold uppercase tracking-wide text-accent">
                  {t("openVersion", {
                    kind: open.seq > 1 ? t("correctionVersion", { seq: open.seq }) : t("verdict"),
                    state: open.state === "draft" ? t("draft") : t("inReview"),
                    author: open.authorName,
                  })}
                </p>
                {stepsFor(open).includes("edit") ? (
                  <VerdictEditor
                    key={open.id}
                    verdict={open}
                    claimLanguage={claim.language}
                    ratings={ratings}
                    save={actions.saveVerdictAction}
                  />
                ) : (
                  <VerdictView v={open} claimLanguage={claim.language} />
                )}
                <WorkflowPanel
                  verdictId={open.id}
                  version={open.version}
                  steps={stepsFor(open)}
                  isCorrection={open.seq > 1}
                  missing={missing}
                  act={actions.verdictStepAction}
                />
              </div>
            )}
            <VersionCompare versions={versions} current={evidence} />
          </section>

          <section aria-labelledby="comments-heading">
            <h2 id="comments-heading" className="mb-2 text-lg font-semibold">
              {t("commentsHeading")}
            </h2>
            <CommentThread claimId={claim.id} comments={comments} add={actions.addCommentAction} />
          </section>
        </div>

        <div className="space-y-8">
          {assignment && !repeats.of && (
            <AssignmentPanel
              claimId={claim.id}
              version={claim.version}
              assignment={assignment}
              open={!versions.some((v) => v.state === "published" || v.state === "retracted")}
              viewer={{ id: user.id, canAssign }}
              people={people.map((p) => ({ ...p, role: p.role as Role }))}
              save={actions.saveAssignmentAction}
              take={actions.takeClaimAction}
            />
          )}
          <Appearances
            claimId={claim.id}
            appearances={repeats.appearances}
            leaving={repeats.leaving}
            unlink={actions.unlinkRepeatAction}
          />
          <CheckedBefore
            matches={matches}
            actions={(m, describedBy) => (
              <>
                {m.kind === "claim" && (
                  <ActionButton
                    action={actions.linkRepeatAction}
                    // A claim with a verdict or repeats of its own gathers the other one instead.
                    input={
                      canBeRepeat
                        ? { claimId: claim.id, of: m.id, version: claim.version }
                        : { claimId: m.id, of: claim.id }
                    }
                    label={canBeRepeat ? t("makeRepeat") : t("linkRepeat")}
                    variant="primary"
                    describedBy={describedBy}
                  />
                )}
                <ActionButton
                  action={actions.rejectMatchAction}
                  input={{ claimId: claim.id, kind: m.kind, id: m.id }}
                  label={t("notSameClaim")}
                  describedBy={describedBy}
                />
              </>
            )}
          />
          <section aria-labelledby="evidence-heading" className="space-y-3">
            <h2 id="evidence-heading" className="text-lg font-semibold">
              {t("evidenceHeading")}
            </h2>
            <EvidenceList
              claimId={claim.id}
              items={evidence}
              actions={{
                changeStance: actions.changeStanceAction,
                unlink: actions.unlinkEvidenceAction,
                update: actions.updateEvidenceAction,
              }}
            />
            <details
              className="rounded-lg border border-line bg-white p-3"
              open={evidence.length === 0 || Boolean(evidenceQuery)}
            >
              <summary className="cursor-pointer text-sm font-semibold">{t("addEvidence")}</summary>
              <form role="search" className="my-3 flex gap-2">
                <label htmlFor="evidence-q" className="sr-only">
                  {t("findEvidence")}
                </label>
                <input
                  id="evidence-q"
                  name="evidence"
                  defaultValue={evidenceQuery}
                  placeholder={t("findEvidencePlaceholder")}
                  className="flex-1 rounded-md border border-line px-2 py-1 text-sm"
                />
                <button type="submit" className="rounded-md border border-line px-2 py-1 text-sm">
                  {t("find")}
                </button>
              </form>
              <AddEvidence claimId={claim.id} add={actions.addEvidenceAction} found={found} />
            </details>
          </section>

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
              {t("timelineHeading")}
            </h2>
            <ol className="space-y-1 text-sm" data-testid="timeline">
              {timeline.map((e) => (
                <li key={e.id}>
                  <span className="text-muted">{format.dateTime(e.at, "instant")}</span> · {e.actorName ?? e.actor} ·{" "}
                  {t.has(`timeline.${e.action}` as Key)
                    ? t(`timeline.${e.action}` as Key)
                    : e.action.replace(/[._]/g, " ")}
                  {e.entityType !== "claim"
                    ? ` (${t.has(`entities.${e.entityType}` as Key) ? t(`entities.${e.entityType}` as Key) : e.entityType})`
                    : ""}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </>
  );
}
