import { apiRoute, readJson } from "@/lib/api/handler";
import { markNotificationsRead } from "@/lib/services/notifications/inbox";

/** `POST /api/v1/notifications/read` `{ids: [...]}` or `{all: true}`: marks the caller's notifications read. */
export const POST = apiRoute(async ({ req, actor }) => markNotificationsRead(actor, await readJson(req)));
