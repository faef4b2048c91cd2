import { z } from "zod";

/** `GET /api/v1/notifications`'s query: `unread=true` for the unread only, `before` a notification id, `limit`. */
export const notificationsQuery = z.strictObject({
  unread: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((v) => v === "true")
    .optional(),
  before: z.coerce.number({ error: "must be a notification id" }).int().positive().optional(),
  limit: z.coerce
    .number({ error: "must be a number from 1 to 100" })
    .int("must be a number from 1 to 100")
    .min(1, "must be a number from 1 to 100")
    .max(100, "must be a number from 1 to 100")
    .optional(),
});
