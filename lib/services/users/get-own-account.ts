import { getDb } from "@/db/client";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { getUserOrThrow, toUserView, type UserView } from "./user-view";

/** The caller's own account. */
export async function getOwnAccount(actor: Actor | null): Promise<UserView> {
  const db = getDb();
  const who = await authorizeAccount(db, actor, "account:own");
  return toUserView(await getUserOrThrow(db, who.id));
}
