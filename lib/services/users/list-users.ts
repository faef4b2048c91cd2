import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { toUserView, type UserView } from "./user-view";

/** Every account, by name (admin only). */
export async function listUsers(actor: Actor | null): Promise<UserView[]> {
  const db = getDb();
  await authorize(db, actor, "users:manage");
  const rows = await db.select().from(users).orderBy(asc(users.name), asc(users.id));
  return rows.map(toUserView);
}
