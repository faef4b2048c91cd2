import { and, asc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginFailures, users, type Role } from "@/db/schema";
import { getDecoyHash, verifyPassword } from "@/lib/auth/password";

/** Failures allowed for one account within the window before sign-in is refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type AuthResult =
  | { ok: true; user: { id: number; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * Checks an email and password. After MAX_FAILURES failures for one email within
 * FAILURE_WINDOW_MS, further attempts are refused (without checking the password) until
 * the oldest of those failures leaves the window. A disabled account cannot sign in, and
 * the answer does not say whether an account exists.
 */
export async function authenticate(rawEmail: string, password: string, now = Date.now()): Promise<AuthResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 254);
  const db = getDb();
  const windowStart = new Date(now - FAILURE_WINDOW_MS);

  const recent = db
    .select({ at: loginFailures.attemptedAt })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gte(loginFailures.attemptedAt, windowStart)))
    .orderBy(asc(loginFailures.attemptedAt))
    .all();
  if (recent.length >= MAX_FAILURES) {
    const unlockAt = recent[recent.length - MAX_FAILURES]!.at.getTime() + FAILURE_WINDOW_MS;
    return { ok: false, reason: "locked", retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now) / 1000)) };
  }

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  if (!user || !passwordOk || user.disabledAt) {
    db.transaction((tx) => {
      tx.insert(loginFailures).values({ email, attemptedAt: new Date(now) }).run();
      // Old failures no longer count; keep the table small.
      tx.delete(loginFailures).where(lt(loginFailures.attemptedAt, windowStart)).run();
    });
    return { ok: false, reason: "invalid" };
  }
  db.delete(loginFailures).where(eq(loginFailures.email, email)).run();
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

