import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/db/enums";
import { notificationsQuery } from "@/lib/api/notifications-query";
import { markNotificationsReadInput } from "@/lib/services/notifications/inbox";
import { notificationPreferencesInput } from "@/lib/services/notifications/preferences";
import { json, type Operation } from "../operation";
import { instant } from "../row-schema";

const tag = "Notifications";

const notification = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    claimId: z.number().int().nullable(),
    claimStatement: z.string().nullable(),
    data: z
      .object({
        statement: z.string().optional(),
        actor: z.string().optional(),
        dueAt: z.string().optional(),
        count: z.number().int().optional(),
        role: z.enum(["assignee", "reviewer"]).optional(),
        excerpt: z.string().optional(),
        person: z.string().optional(),
      })
      .meta({ description: "What the notification remembers of its moment." }),
    message: z.string().meta({ description: "What it says, in English." }),
    createdAt: instant,
    readAt: instant.nullable(),
  })
  .meta({
    id: "Notification",
    example: {
      id: 7,
      kind: "review_requested",
      claimId: 1,
      claimStatement: "Those killed in the Mariupol maternity hospital strike were not civilians.",
      data: { actor: "Chloe Contributor", statement: "Those killed in the Mariupol maternity hospital strike were …" },
      message:
        "Chloe Contributor submitted a verdict on “Those killed in the Mariupol maternity hospital strike were …” for review",
      createdAt: "2026-03-10T09:30:00.000Z",
      readAt: null,
    },
  });

const preferences = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.enum(NOTIFICATION_CHANNELS)])))
  .meta({ id: "NotificationPreferences", description: "Where the caller is told of each kind of notification." });

export const notificationOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/notifications",
    operationId: "listNotifications",
    summary: "The caller's notifications, newest first, and how many are unread",
    tag,
    access: "signed-in",
    query: notificationsQuery,
    responses: {
      200: json("A page of notifications.", z.object({ items: z.array(notification), unread: z.number().int() })),
    },
  },
  {
    method: "post",
    path: "/api/v1/notifications/read",
    operationId: "markNotificationsRead",
    summary: "Mark some or all of the caller's notifications read",
    tag,
    access: "signed-in",
    body: { schema: markNotificationsReadInput, example: { ids: [7, 8] } },
    responses: {
      200: json(
        "How many were marked, and how many stay unread.",
        z.object({ marked: z.number().int(), unread: z.number().int() }),
      ),
    },
  },
  {
    method: "get",
    path: "/api/v1/me/notification-preferences",
    operationId: "getNotificationPreferences",
    summary: "Where the caller is told of each kind of notification",
    tag,
    access: "signed-in",
    responses: { 200: json("The channel of every kind.", z.object({ preferences })) },
  },
  {
    method: "put",
    path: "/api/v1/me/notification-preferences",
    operationId: "setNotificationPreferences",
    summary: "Choose where the caller is told of some kinds of notification",
    description: "In the app, by email, both, or not at all; kinds not sent stay as they are.",
    tag,
    access: "signed-in",
    body: { schema: notificationPreferencesInput, example: { assigned: "both", due_soon: "email" } },
    responses: { 200: json("The channel of every kind.", z.object({ preferences })) },
  },
];
