import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema";
import { findSessionUser } from "@/lib/services/auth/sessions";
import type { Actor } from "./actor";
import { auth } from "./index";
import { can, type Permission } from "./permissions";

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The interface language the account chose, or null (the browser's). */
  locale: string | null;
  actor: Actor;
};

/**
 * The signed-in user of this request, read from the database (so a disabled account or a
 * changed role takes effect at its next request), or null. The session's row must be
 * live: a session signed out (wherever its cookie was copied), ended by a password change
 * or by disabling the account, past its lifetime, or from before sessions had rows (its
 * token names none) is over. One query.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  const sid = session?.user?.sid;
  if (!Number.isInteger(id) || id <= 0 || !sid) return null;
  const user = await findSessionUser(id, sid);
  if (!user) return null;
  return { ...user, actor: { kind: "user", userId: user.id } };
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
