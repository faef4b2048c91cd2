"use server";

import { revalidatePath } from "next/cache";
import { serviceAction } from "@/lib/auth/form-action";
import { markNotificationsRead } from "@/lib/services/notifications/inbox";

/** Marks some of the signed-in user's notifications read (`{ids}`), or all (`{all: true}`); the bell counts again. */
export const markReadAction = serviceAction(async (user, input: unknown) => {
  const result = await markNotificationsRead(user.actor, input);
  revalidatePath("/editor", "layout");
  return result;
});
