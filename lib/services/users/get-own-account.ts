import { getDb } from "@/db/client";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { getUserOrThrow, toUserView, type UserView } from "./user-view";

/** The caller's own account. */
export function getOwnAccount(actor: Actor | null): UserView {
  const db = getDb();
  const who = authorizeAccount(db, actor, "account:own");
  return toUserView(getUserOrThrow(db, who.id));
}
