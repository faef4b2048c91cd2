import type { Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { addressBucket, requestClientAddress } from "@/lib/http/client-address";
import { takeRateLimit, type RateLimitRule } from "@/lib/services/rate-limit";
import { ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

/** The window of the anonymous export limit: EXPORT_RATE_LIMIT requests per address per minute. */
export const ANONYMOUS_EXPORT_WINDOW_MS = 60_000;

/** The rule anonymous export requests are counted under, or null when EXPORT_RATE_LIMIT=0 turns the limit off. */
export function anonymousExportRule(): RateLimitRule | null {
  const limit = getEnv().exportRateLimit;
  return limit > 0 ? { name: "anonymous-export", limit, windowMs: ANONYMOUS_EXPORT_WINDOW_MS } : null;
}

/**
 * Counts an export request made without a caller against its client address — the address the front door stamped
 * (`requestClientAddress`, an IPv6 client by its /64; a request without one counts as one unknown client) — in the
 * `rate_limits` rows every server shares, and refuses it with 429 and `Retry-After` past EXPORT_RATE_LIMIT a minute
 * (10 by default).
 *
 * Called before the export is opened: a refused request costs two small writes and nothing else. Every anonymous
 * export request counts — a whole-site one served from its copy, a scoped one built for it, one refused as bad —
 * since the limit bounds what one address can make the server do, and a scoped export is built per request. Signed-in
 * callers and API tokens are not limited: the limit is about anonymous load, and a token can be revoked. Pages,
 * search and the public API are not limited at all.
 */
export async function limitAnonymousExport(actor: Actor | null, req: Request): Promise<void> {
  if (actor) return;
  const rule = anonymousExportRule();
  if (!rule) return;
  const result = await takeRateLimit(rule, addressBucket(requestClientAddress(req)));
  if (!result.ok) {
    throw ServiceError.rateLimited(
      text("errors.api.anonymousExports", { seconds: result.retryAfterSeconds }),
      result.retryAfterSeconds,
    );
  }
}

/** How many exports a server writes for anonymous callers at once (the whole site's copy aside). */
export const ANONYMOUS_STREAMS = 2;
const BUSY_RETRY_SECONDS = 10;
let streaming = 0;

/**
 * A place among the exports this server writes for anonymous callers at once, or 429 when all ANONYMOUS_STREAMS are
 * taken. Scoped exports are written per request, and a scope can be as large as the site (`from=1970-01-01`): however
 * many addresses ask, a server writes at most this many for them at a time. Returns the release, to call once the
 * export's body has ended (sent, failed or cancelled).
 */
export function takeAnonymousStreamSlot(): () => void {
  if (streaming >= ANONYMOUS_STREAMS) {
    throw ServiceError.rateLimited(text("errors.api.exportsBusy", { seconds: BUSY_RETRY_SECONDS }), BUSY_RETRY_SECONDS);
  }
  streaming++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    streaming--;
  };
}
