import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  claimantVersions,
  claimants,
  claims,
  claimVersions,
  ratings,
  ratingVersions,
  verdicts,
  webhooks,
  type Verdict,
  type WebhookEvent,
} from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { claimPageUrl } from "@/lib/exports/public-claim-review";
import { enqueue } from "@/lib/outbox/outbox";
import type { WebhookPayload } from "./payload";

/**
 * Tells every active endpoint subscribed to `event` of it. `verdict.published`, `.corrected` and `.retracted` carry the
 * public record (the statement, claimant and rating words readers see; of a retracted verdict, only its retraction);
 * `claim.*` and `verdict.submitted` carry the desk's working copy, unpublished work for the desk's own systems. One
 * outbox row per endpoint, written in the caller's transaction, ordered after the endpoint's earlier deliveries about
 * the same claim.
 */
export async function emitWebhookEvent(
  tx: Tx,
  event: WebhookEvent,
  { who, claimId, verdict = null }: { who: ActingUser | null; claimId: number; verdict?: Verdict | null },
): Promise<void> {
  const endpoints = (
    await tx.select({ id: webhooks.id, events: webhooks.events }).from(webhooks).where(isNull(webhooks.disabledAt))
  ).filter((w) => w.events.includes(event));
  if (endpoints.length === 0) return;
  const payload = await payloadFor(tx, event, claimId, verdict, who);
  await enqueue(
    tx,
    endpoints.map((w) => ({
      kind: "webhook" as const,
      payload,
      event,
      webhookId: w.id,
      orderingKey: `webhook:${w.id}:claim:${claimId}`,
    })),
  );
}

async function payloadFor(
  tx: Tx,
  event: WebhookEvent,
  claimId: number,
  verdict: Verdict | null,
  who: ActingUser | null,
): Promise<WebhookPayload> {
  const [claim] = await tx
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      claimant: claimants.name,
      assigneeId: claims.assigneeId,
      reviewerId: claims.reviewerId,
      dueAt: claims.dueAt,
      priority: claims.priority,
    })
    .from(claims)
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(eq(claims.id, claimId))
    .limit(1);
  const [published] = await tx
    .select({ id: verdicts.id })
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["published", "retracted"])))
    .limit(1);
  const env = getEnv();
  const onRecord = verdict !== null && (verdict.state === "published" || verdict.state === "retracted");
  return {
    id: randomUUID(),
    event,
    occurredAt: new Date().toISOString(),
    actor: who ? { id: who.id, name: who.name } : null,
    claim: {
      ...claim!,
      // What readers see of a published or retracted verdict's claim: its statement and claimant as published.
      ...(onRecord ? await publishedClaim(tx, verdict) : {}),
      deskUrl: `${env.publicBaseUrl}/editor/claims/${claimId}`,
      publicUrl: published ? claimPageUrl(env, claim!.slug) : null,
      dueAt: claim!.dueAt?.toISOString() ?? null,
    },
    verdict: verdict && (onRecord ? await publishedVerdict(tx, verdict) : await workingVerdict(tx, verdict)),
  };
}

/** The statement a verdict was published about, and its claimant as readers see them now. */
async function publishedClaim(tx: Tx, v: Verdict): Promise<{ statement?: string; claimant?: string }> {
  const [row] = await tx
    .select({ statement: claimVersions.statement, claimant: claimantVersions.name })
    .from(claimVersions)
    .leftJoin(
      claimantVersions,
      and(eq(claimantVersions.claimantId, claimVersions.claimantId), isNull(claimantVersions.supersededAt)),
    )
    .where(eq(claimVersions.id, v.claimVersionId ?? -1))
    .limit(1);
  // Published with the verdict, both are always there; were one not, the working copy would stand.
  return {
    ...(row?.statement ? { statement: row.statement } : {}),
    ...(row?.claimant ? { claimant: row.claimant } : {}),
  };
}

/**
 * A published verdict as readers see it: its rating's words as it was published with them. A retracted one keeps only
 * its retraction, as the public record does.
 */
async function publishedVerdict(tx: Tx, v: Verdict): Promise<NonNullable<WebhookPayload["verdict"]>> {
  const base = { id: v.id, seq: v.seq, state: v.state, language: v.language, authorId: v.authorId };
  const publishedAt = v.publishedAt?.toISOString() ?? null;
  if (v.state === "retracted") {
    return {
      ...base,
      ratingKey: null,
      ratingLabel: null,
      summary: null,
      publishedAt,
      correctionNote: null,
      retractionReason: v.retractionReason,
    };
  }
  const [rating] = v.ratingVersionId
    ? await tx.select().from(ratingVersions).where(eq(ratingVersions.id, v.ratingVersionId)).limit(1)
    : [];
  return {
    ...base,
    ratingKey: rating?.key ?? null,
    ratingLabel: rating?.label ?? null,
    summary: v.summary,
    publishedAt,
    correctionNote: v.correctionNote,
    retractionReason: null,
  };
}

/** A verdict in the works (submitted for review): the desk's working copy, for the desk's own systems. */
async function workingVerdict(tx: Tx, v: Verdict): Promise<NonNullable<WebhookPayload["verdict"]>> {
  const [rating] = v.ratingId ? await tx.select().from(ratings).where(eq(ratings.id, v.ratingId)).limit(1) : [];
  return {
    id: v.id,
    seq: v.seq,
    state: v.state,
    ratingKey: rating?.key ?? null,
    ratingLabel: rating?.label ?? null,
    summary: v.summary,
    language: v.language,
    authorId: v.authorId,
    publishedAt: null,
    correctionNote: null,
    retractionReason: null,
  };
}
