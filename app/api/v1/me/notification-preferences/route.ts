import { apiRoute, readJson } from "@/lib/api/handler";
import { getNotificationPreferences, setNotificationPreferences } from "@/lib/services/notifications/preferences";

/** `GET /api/v1/me/notification-preferences`: where the caller is told of each kind → `{preferences}`. */
export const GET = apiRoute(async ({ actor }) => ({ preferences: await getNotificationPreferences(actor) }));

/**
 * `PUT /api/v1/me/notification-preferences` `{assigned: "both", due_soon: "email", …}`: sets the channels of the
 * kinds sent (`app`, `email`, `both`, `none`); others stay → `{preferences}`.
 */
export const PUT = apiRoute(async ({ req, actor }) => ({
  preferences: await setNotificationPreferences(actor, await readJson(req)),
}));
