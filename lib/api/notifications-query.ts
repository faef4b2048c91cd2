import { z } from "zod";
import { issueMessage } from "@/lib/i18n/text";
import { queryNumber } from "./query-schemas";

/** `GET /api/v1/notifications`'s query: `unread=true` for the unread only, `before` a notification id, `limit`. */
export const notificationsQuery = z.strictObject({
  unread: z
    .enum(["true", "false"], { error: issueMessage("validation.boolean") })
    .transform((v) => v === "true")
    .optional(),
  before: queryNumber(1, 2_147_483_647)
    .optional()
    .meta({ description: "Notifications older than this one (the next page)." }),
  limit: queryNumber(1, 100).optional(),
});
