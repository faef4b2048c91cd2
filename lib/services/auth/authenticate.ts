import { and, asc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginFailures, users, type Role } from "@/db/schema";
import { getDecoyHash, verifyPassword } from "@/lib/auth/password";
import { writeTransaction } from "@/lib/services/transaction";
import { normaliseEmail } from "@/lib/validation/common";
import { startSession } from "./sessions";

/** Failures allowed for one account within the window before sign-in is refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type AuthUser = { id: number; email: string; name: string; role: Role };

type Refusal = { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; retryAfterSeconds: number };
export type AuthResult = { ok: true; user: AuthUser } | Refusal;
/** A sign-in: the account and the id of its new session (see `startSession`). */
export type SignInResult = { ok: true; user: AuthUser; sessionId: string } | Refusal;

/**
 * Checks an email and password. After MAX_FAILURES failures for one email within
 * FAILURE_WINDOW_MS, further attempts are refused (without checking the password) until
 * the oldest of those failures leaves the window. A disabled account cannot sign in, and
 * the answer does not say whether an account exists.
 *
 * Each attempt is counted as a failure *before* the password is checked (in one write
 * transaction) and the count is cleared only on success, so parallel guesses cannot slip
 * past the limit while argon2 runs.
 */
export async function authenticate(rawEmail: string, password: string, now = Date.now()): Promise<AuthResult> {
  const result = await checkPassword(rawEmail, password, now);
  return result.ok ? { ok: true, user: result.user } : result;
}

/** Signs in: `authenticate`, then a new session for the account (sessions.ts). */
export async function signInWithPassword(rawEmail: string, password: string, now = Date.now()): Promise<SignInResult> {
  const result = await checkPassword(rawEmail, password, now);
  if (!result.ok) return result;
  const sessionId = await startSession({ id: result.user.id, passwordHash: result.passwordHash }, now);
  // Disabled, or its password changed, while this one was being checked.
  if (!sessionId) return { ok: false, reason: "invalid" };
  return { ok: true, user: result.user, sessionId };
}

async function checkPassword(
  rawEmail: string,
  password: string,
  now: number,
): Promise<{ ok: true; user: AuthUser; passwordHash: string } | Refusal> {
  const email = normaliseEmail(rawEmail);
  const windowStart = new Date(now - FAILURE_WINDOW_MS);

  // Failures older than the window count for nothing: dropped on their own, so that sign-ins for different emails do
  // not meet in one transaction (on PostgreSQL they would have to be serialised).
  await writeTransaction((tx) => tx.delete(loginFailures).where(lt(loginFailures.attemptedAt, windowStart)));
  const lock = await writeTransaction(async (tx) => {
    const recent = await tx
      .select({ at: loginFailures.attemptedAt })
      .from(loginFailures)
      .where(and(eq(loginFailures.email, email), gte(loginFailures.attemptedAt, windowStart)))
      .orderBy(asc(loginFailures.attemptedAt));
    if (recent.length >= MAX_FAILURES) {
      const unlockAt = recent[recent.length - MAX_FAILURES]!.at.getTime() + FAILURE_WINDOW_MS;
      return Math.max(1, Math.ceil((unlockAt - now) / 1000));
    }
    await tx.insert(loginFailures).values({ email, attemptedAt: new Date(now) });
    return null;
  });
  if (lock !== null) return { ok: false, reason: "locked", retryAfterSeconds: lock };

  const [user] = await getDb().select().from(users).where(eq(users.email, email)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  if (!user || !passwordOk || user.disabledAt) return { ok: false, reason: "invalid" };

  await writeTransaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.email, email));
  });
  const { id, name, role, passwordHash } = user;
  return { ok: true, user: { id, email: user.email, name, role }, passwordHash };
}

/** Lifts a sign-in lock (the operator's answer to someone locking an account on purpose). */
export async function clearLoginFailures(rawEmail: string): Promise<number> {
  const cleared = await writeTransaction((tx) =>
    tx
      .delete(loginFailures)
      .where(eq(loginFailures.email, normaliseEmail(rawEmail)))
      .returning({ id: loginFailures.id }),
  );
  return cleared.length;
}
