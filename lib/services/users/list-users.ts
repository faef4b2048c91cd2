import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { toUserView, type UserView } from "./user-view";

/** Every account, by name (admin only). */
export function listUsers(actor: Actor | null): UserView[] {
  const db = getDb();
  authorize(db, actor, "users:manage");
  return db.select().from(users).orderBy(asc(users.name), asc(users.id)).all().map(toUserView);
}
