import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { users, type User } from "@/db/schema";
import { normaliseEmail } from "@/lib/validation/common";

/** The account with this email (compared normalised), or undefined. */
export async function findUserByEmail(db: DB | Tx, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return user;
}
