import { apiRoute } from "@/lib/api/handler";
import { notificationsQuery } from "@/lib/api/notifications-query";
import { listNotifications } from "@/lib/services/notifications/inbox";
import { parseInput } from "@/lib/validation/parse";

/**
 * `GET /api/v1/notifications?unread=true&before={id}&limit=` (any signed-in caller): the caller's notifications, newest
 * first, and how many are unread → `{items, unread}`.
 */
export const GET = apiRoute(async ({ req, actor }) => {
  const q = parseInput(notificationsQuery, Object.fromEntries(new URL(req.url).searchParams));
  return listNotifications(actor, q);
});
