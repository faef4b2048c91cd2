import { Server, ServerResponse } from "node:http";
import { processInvalidationStore } from "@/lib/cache/invalidation-store.mjs";
import { pageCacheBytes } from "@/lib/cache/page-budget.mjs";
import { stampClientAddresses } from "@/lib/http/front-door";
import { keepSearches } from "@/lib/http/kept-searches";
import { sendMail } from "@/lib/mail/send";
import { sweepReminders } from "@/lib/notifications/reminders";
import { startOutboxWorker } from "@/lib/outbox/worker";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { checkEnvOrExit } from "./startup";
import { addHeaderToEveryResponse, strictTransportSecurity } from "./transport-security";

/** How long a kept search may be served at most: the search page's `revalidate` (app/[locale]/claims/search). */
const SEARCH_REVALIDATE_MS = 60_000;

/**
 * What the Node.js server does once when it starts (instrumentation.ts): a bad environment stops it at once with one
 * line naming the variable, instead of failing on the first request. Then every request carries its client's address
 * (lib/http/front-door.ts), and with an HTTPS PUBLIC_BASE_URL every response carries Strict-Transport-Security. A
 * production server keeps the searches it renders in front of Next (lib/http/kept-searches.ts). Each server sends the
 * outbox's mails and webhook deliveries and makes the due-date reminders (lib/outbox/worker.ts).
 */
export function onServerStart(): void {
  const env = checkEnvOrExit();
  stampClientAddresses(Server.prototype, env.trustProxy);
  const hsts = strictTransportSecurity(process.env.PUBLIC_BASE_URL);
  if (hsts) addHeaderToEveryResponse(ServerResponse.prototype, "Strict-Transport-Security", hsts);
  if (process.env.NODE_ENV === "production") {
    keepSearches(Server.prototype, {
      store: processInvalidationStore,
      maxBytes: pageCacheBytes("searches"),
      maxAgeMs: SEARCH_REVALIDATE_MS,
    });
  }
  startOutboxWorker({ mail: sendMail, webhook: deliverWebhook }, { sweep: sweepReminders });
}
