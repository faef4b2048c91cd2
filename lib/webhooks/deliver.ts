import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { Agent, request } from "undici";
import { getDb } from "@/db/client";
import { webhooks, type OutboxRow, type Webhook } from "@/db/schema";
import { getEnv } from "@/lib/config/env";
import { blockedBy, guardedConnector } from "@/lib/http/guarded-connect";
import { text } from "@/lib/i18n/text";
import type { Sender, SendOutcome } from "@/lib/outbox/outbox";
import { WebhookAddressPolicy, type AddressRefused } from "./address-policy";

/** How long a delivery may take, from connecting to the receiver's status line and the start of its answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer is kept with the attempt. */
const EXCERPT_BYTES = 2048;

/** The `X-Claimdesk-Signature` of a body: `sha256=` and the hex HMAC-SHA256 of its bytes, keyed with the secret. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/**
 * A sender of webhook rows with a policy of its own (tests); the desk's is `deliverWebhook`. The endpoint is read
 * again for each send: one deleted since the row was written cannot be sent, one paused fails for good (an admin sends
 * it again after resuming it), and a refusal of the address policy is final too. Anything else — no connection, no
 * answer within 10 s, a redirect (not followed), any status but 2xx — is tried again on the outbox's schedule.
 */
export function webhookSender({
  allowHosts,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
}: { allowHosts?: readonly string[]; timeoutMs?: number } = {}): Sender {
  return async (row) => {
    const [endpoint] =
      row.webhookId === null ? [] : await getDb().select().from(webhooks).where(eq(webhooks.id, row.webhookId));
    if (!endpoint) return gaveUp(String(text("errors.webhooks.delivery.deleted")));
    if (endpoint.disabledAt) return gaveUp(String(text("errors.webhooks.delivery.paused")));
    const policy = new WebhookAddressPolicy(allowHosts ?? getEnv().webhookAllowHosts);
    return post(endpoint, row, policy, timeoutMs);
  };
}

/** Sends webhook rows from the outbox (`drainOutbox({ webhook: deliverWebhook })`, the server's worker). */
export const deliverWebhook: Sender = webhookSender();

const gaveUp = (error: string): SendOutcome => ({ ok: false, permanent: true, error });

async function post(endpoint: Webhook, row: OutboxRow, policy: WebhookAddressPolicy, timeoutMs: number) {
  // The bytes signed are the bytes sent: the stored payload as JSON, the same for every attempt and redelivery.
  const body = JSON.stringify(row.payload);
  const event = row.event ?? (row.payload as { event?: string }).event ?? "";
  const dispatcher = new Agent({ connect: guardedConnector(policy, timeoutMs) });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // undici's request, not fetch: fetch refuses the ports browsers block (6000, 6665…), and webhooks take any port.
    // It follows no redirect.
    const res = await request(endpoint.url, {
      method: "POST",
      body,
      dispatcher,
      signal,
      headers: {
        "content-type": "application/json",
        "user-agent": "Claimdesk-Webhooks",
        "x-claimdesk-event": event,
        "x-claimdesk-delivery": String(row.id),
        "x-claimdesk-signature": signatureOf(body, endpoint.secret),
      },
    });
    const response = await excerpt(res.body);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const location = [res.headers.location ?? ""].flat()[0]!;
    return { ok, status: res.statusCode, response, error: ok ? null : statusError(res.statusCode, location) };
  } catch (e) {
    const refused = blockedBy<AddressRefused>(e);
    if (refused) return gaveUp(refused.message);
    return { ok: false, error: networkError(e, signal, timeoutMs) } satisfies SendOutcome;
  } finally {
    void dispatcher.close();
  }
}

/** The first 2 KB of an answer, as text; what could not be read in time is left out. */
async function excerpt(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total >= EXCERPT_BYTES) break; // the rest is not read
    }
  } catch {
    // Broken off or too slow: the status decides, and what came is kept.
  }
  body.destroy();
  if (total === 0) return null;
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES));
}

function statusError(status: number, location: string): string {
  if (status >= 300 && status < 400) {
    return String(text("errors.webhooks.delivery.redirect", { status, location }));
  }
  return String(text("errors.webhooks.delivery.status", { status }));
}

function networkError(e: unknown, signal: AbortSignal, timeoutMs: number): string {
  const failure = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = failure?.code && failure.code !== "UND_ERR_ABORTED" ? failure.code : failure?.cause?.code;
  if (signal.aborted || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT") {
    return String(text("errors.webhooks.delivery.timeout", { seconds: timeoutMs / 1000 }));
  }
  if (code === "ECONNREFUSED") return String(text("errors.webhooks.delivery.connectionRefused"));
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return String(text("errors.webhooks.delivery.unresolved"));
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return String(text("errors.webhooks.delivery.brokeOff"));
  const reason = [code, failure?.message ?? String(e)].filter(Boolean).join(": ");
  return String(text("errors.webhooks.delivery.failed", { reason }));
}
