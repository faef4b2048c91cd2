import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import type { Actor } from "./actor";
import { auth } from "./index";
import { can, type Permission } from "./permissions";

export type CurrentUser = { id: number; email: string; name: string; role: Role; actor: Actor };

/**
 * The signed-in user of this request, read from the database (so a disabled account or a
 * changed role takes effect at its next request), or null. A session from before the
 * account was disabled or its password changed (an older session version) is over.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user || user.disabledAt || user.sessionVersion !== session?.user?.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, actor: { kind: "user", userId: user.id } };
});

/** The signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Whether the user holds a permission (for showing or hiding controls; services check again). */
export function userCan(user: CurrentUser | null, permission: Permission): boolean {
  return user !== null && can(user.role, permission);
}
