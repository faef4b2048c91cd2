import { apiRoute, created, readJson } from "@/lib/api/handler";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";

/** Every endpoint with its deliveries counted by state (admin). */
export const GET = apiRoute(async ({ actor }) => ({ webhooks: await listWebhooks(actor) }));

/** `{url, events, secret?, description?}` → 201 `{webhook, secret}`: the generated secret, shown this once (admin). */
export const POST = apiRoute(async ({ req, actor }) => created(await createWebhook(actor, await readJson(req))));
