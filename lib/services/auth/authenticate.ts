import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { text, type Text } from "@/lib/i18n/text";
import { getDb, type Tx } from "@/db/client";
import { loginFailures, users, type Role } from "@/db/schema";
import { getDecoyHash, verifyPassword } from "@/lib/auth/password";
import { addressBucket } from "@/lib/http/client-address";
import { writeTransaction } from "@/lib/services/transaction";
import { normaliseEmail } from "@/lib/validation/common";
import { startSession } from "./sessions";

/** Failures allowed for one account from one client address within the window. */
export const MAX_FAILURES = 5;
/** Failures allowed from one client address within the window, whatever the accounts (password spraying). */
export const MAX_ADDRESS_FAILURES = 20;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type AuthUser = { id: number; email: string; name: string; role: Role };

type Refusal = { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };
export type AuthResult = { ok: true; user: AuthUser } | Refusal;
/** A sign-in: the account and the id of its new session (see `startSession`). */
export type SignInResult = { ok: true; user: AuthUser; sessionId: string } | Refusal;

/**
 * Checks an email and password sent from a client address (lib/http/client-address.ts; "" when not known), counted
 * by its `addressBucket` (an IPv6 client by its /64). Throttled, before any password is hashed:
 * - one address: after MAX_ADDRESS_FAILURES failures within FAILURE_WINDOW_MS, for any emails, known or not — one
 *   client cannot try a password on every account, nor make the server hash without end;
 * - one account from one address: after MAX_FAILURES failures. The lock is the pair's: someone who types wrong
 *   passwords for an account from their address does not lock its owner out elsewhere.
 * A throttled attempt is refused until the oldest of the failures that caused it leaves the window. A disabled account
 * cannot sign in, and no answer says whether an account exists: unknown emails are counted and throttled alike.
 *
 * Each attempt is counted as a failure *before* the password is checked (in one write transaction with the checks)
 * and removed only on success, so parallel guesses cannot slip past the limits while argon2 runs.
 */
export async function authenticate(
  rawEmail: string,
  password: string,
  address = "",
  now = Date.now(),
): Promise<AuthResult> {
  const result = await checkPassword(rawEmail, password, address, now);
  return result.ok ? { ok: true, user: result.user } : result;
}

/**
 * What a throttled attempt is told, wherever a password is checked (sign-in, a password change): the same words
 * whether the account exists or not, and whether the address or the account was throttled.
 */
export function throttledMessage(retryAfterSeconds: number): Text {
  return text("errors.auth.throttled", { minutes: Math.ceil(retryAfterSeconds / 60) });
}

/** Signs in: `authenticate`, then a new session for the account (sessions.ts). */
export async function signInWithPassword(
  rawEmail: string,
  password: string,
  address = "",
  now = Date.now(),
): Promise<SignInResult> {
  const result = await checkPassword(rawEmail, password, address, now);
  if (!result.ok) return result;
  const sessionId = await startSession({ id: result.user.id, passwordHash: result.passwordHash }, now);
  // Disabled, or its password changed, while this one was being checked.
  if (!sessionId) return { ok: false, reason: "invalid" };
  return { ok: true, user: result.user, sessionId };
}

/**
 * Seconds until fewer than `max` of the failures matching `where` are within the window, or null if fewer are now.
 * Reads at most `max` rows, newest first, by an index on (email or address, attempted_at).
 */
async function throttledFor(tx: Tx, where: SQL, max: number, now: number): Promise<number | null> {
  const newest = await tx
    .select({ at: loginFailures.attemptedAt })
    .from(loginFailures)
    .where(and(where, gte(loginFailures.attemptedAt, new Date(now - FAILURE_WINDOW_MS))))
    .orderBy(desc(loginFailures.attemptedAt))
    .limit(max);
  if (newest.length < max) return null;
  const unlockAt = newest[max - 1]!.at.getTime() + FAILURE_WINDOW_MS;
  return Math.max(1, Math.ceil((unlockAt - now) / 1000));
}

async function checkPassword(
  rawEmail: string,
  password: string,
  address: string,
  now: number,
): Promise<{ ok: true; user: AuthUser; passwordHash: string } | Refusal> {
  const email = normaliseEmail(rawEmail);
  const client = addressBucket(address);
  const pair = and(eq(loginFailures.email, email), eq(loginFailures.address, client))!;

  // Failures older than the window count for nothing: dropped on their own (by the index on attempted_at), so that
  // sign-ins for different emails do not meet in one transaction (on PostgreSQL they would have to be serialised).
  await writeTransaction((tx) =>
    tx.delete(loginFailures).where(lt(loginFailures.attemptedAt, new Date(now - FAILURE_WINDOW_MS))),
  );
  const throttled = await writeTransaction(async (tx) => {
    const wait =
      (await throttledFor(tx, eq(loginFailures.address, client), MAX_ADDRESS_FAILURES, now)) ??
      (await throttledFor(tx, pair, MAX_FAILURES, now));
    if (wait === null) await tx.insert(loginFailures).values({ email, address: client, attemptedAt: new Date(now) });
    return wait;
  });
  if (throttled !== null) return { ok: false, reason: "throttled", retryAfterSeconds: throttled };

  const [user] = await getDb().select().from(users).where(eq(users.email, email)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  if (!user || !passwordOk || user.disabledAt) return { ok: false, reason: "invalid" };

  // The pair's failures go with this attempt's: the account is fine from here. Other addresses' stay.
  await writeTransaction((tx) => tx.delete(loginFailures).where(pair));
  const { id, name, role, passwordHash } = user;
  return { ok: true, user: { id, email: user.email, name, role }, passwordHash };
}

/**
 * Lifts sign-in throttling (the operator's answer to someone locking an account or an office's address on purpose):
 * every recent failure for an email, from any address, or from an address, for any email. Returns how many.
 */
export async function clearLoginFailures(target: { email: string } | { address: string }): Promise<number> {
  const where =
    "email" in target
      ? eq(loginFailures.email, normaliseEmail(target.email))
      : eq(loginFailures.address, addressBucket(target.address));
  const cleared = await writeTransaction((tx) =>
    tx.delete(loginFailures).where(where).returning({ id: loginFailures.id }),
  );
  return cleared.length;
}
