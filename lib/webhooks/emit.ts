import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claimants, claims, ratings, verdicts, webhooks, type Verdict, type WebhookEvent } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { claimPageUrl } from "@/lib/exports/public-claim-review";
import { enqueue } from "@/lib/outbox/outbox";
import type { WebhookPayload } from "./payload";

/**
 * Tells every active endpoint subscribed to `event` of it: one outbox row per endpoint, written in the caller's
 * transaction, ordered after the endpoint's earlier deliveries about the same claim.
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
  const rating = verdict?.ratingId
    ? (await tx.select().from(ratings).where(eq(ratings.id, verdict.ratingId)).limit(1))[0]
    : undefined;
  const env = getEnv();
  return {
    id: randomUUID(),
    event,
    occurredAt: new Date().toISOString(),
    actor: who ? { id: who.id, name: who.name } : null,
    claim: {
      ...claim!,
      deskUrl: `${env.publicBaseUrl}/editor/claims/${claimId}`,
      publicUrl: published ? claimPageUrl(env, claim!.slug) : null,
      dueAt: claim!.dueAt?.toISOString() ?? null,
    },
    verdict: verdict && {
      id: verdict.id,
      seq: verdict.seq,
      state: verdict.state,
      ratingKey: rating?.key ?? null,
      ratingLabel: rating?.label ?? null,
      summary: verdict.summary,
      language: verdict.language,
      authorId: verdict.authorId,
      publishedAt: verdict.publishedAt?.toISOString() ?? null,
      correctionNote: verdict.correctionNote,
      retractionReason: verdict.retractionReason,
    },
  };
}
