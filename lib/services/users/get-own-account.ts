import { getDb } from "@/db/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/errors";
import { getUserOrThrow, toUserView, type UserView } from "./user-view";

/** The caller's own account. */
export function getOwnAccount(actor: Actor | null): UserView {
  const db = getDb();
  const who = authorize(db, actor, "account:own");
  if (who.id === null) throw new ServiceError("bad_request", "The command line is not an account.");
  return toUserView(getUserOrThrow(db, who.id));
}
