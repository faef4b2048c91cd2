import { and, count, eq, isNull, ne } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { users, type User } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

/** What Claimdesk shows of an account: never the password hash. */
export type UserView = Pick<User, "id" | "email" | "name" | "role" | "locale" | "version" | "createdAt"> & {
  disabled: boolean;
  disabledAt: Date | null;
};

/** The public-to-admins view of a user row. */
export function toUserView(u: User): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    disabled: u.disabledAt !== null,
    disabledAt: u.disabledAt,
    createdAt: u.createdAt,
    version: u.version,
  };
}

/** Loads a user by id or throws 404. */
export async function getUserOrThrow(db: DB | Tx, userId: number): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new ServiceError("not_found", text("errors.users.notFound", { id: userId }));
  return user;
}

/** Refuses a change that would leave Claimdesk without an active admin. */
export async function assertAnotherActiveAdmin(tx: Tx, userId: number): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)));
  if ((row?.n ?? 0) === 0) {
    throw new ServiceError("conflict", text("errors.users.lastAdmin"));
  }
}
