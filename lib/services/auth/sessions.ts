import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { sessions, users, type Role } from "@/db/schema";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { writeTransaction } from "@/lib/services/transaction";

const MAX_AGE_MS = SESSION_MAX_AGE_SECONDS * 1000;

/**
 * The stored form of a session id: the id is long and random, so a fast hash is enough. Someone who reads the
 * database (a backup) learns no id to put in a cookie, even with AUTH_SECRET.
 */
export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/**
 * Starts a session for an account whose password was just checked against `passwordHash`: returns its id (256
 * random bits, for the session cookie), or null if the account was disabled or its password changed meanwhile (a
 * session signed in with an old password must not outlive the change). Sessions past their lifetime are dropped
 * first, on their own.
 */
export async function startSession(
  user: { id: number; passwordHash: string },
  now = Date.now(),
): Promise<string | null> {
  await writeTransaction((tx) => tx.delete(sessions).where(lt(sessions.createdAt, new Date(now - MAX_AGE_MS))));
  const sessionId = randomBytes(32).toString("base64url");
  const started = await writeTransaction(async (tx) => {
    const [current] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash), isNull(users.disabledAt)))
      .limit(1);
    if (!current) return false;
    await tx.insert(sessions).values({ id: hashSessionId(sessionId), userId: user.id, createdAt: new Date(now) });
    return true;
  });
  return started ? sessionId : null;
}

export type SessionUser = { id: number; email: string; name: string; role: Role; locale: string | null };

/**
 * The account of a live session — its row not ended nor past its lifetime, its account not disabled — or null. One
 * query: every signed-in request makes it.
 */
export async function findSessionUser(
  userId: number,
  sessionId: string,
  now = Date.now(),
): Promise<SessionUser | null> {
  const [user] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, hashSessionId(sessionId)),
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        gt(sessions.createdAt, new Date(now - MAX_AGE_MS)),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return user ?? null;
}

/** Ends one session (signing out): its cookie, wherever it was copied, no longer signs anyone in. */
export async function endSession(sessionId: string, now = Date.now()): Promise<void> {
  await writeTransaction((tx) =>
    tx
      .update(sessions)
      .set({ endedAt: new Date(now) })
      .where(and(eq(sessions.id, hashSessionId(sessionId)), isNull(sessions.endedAt))),
  );
}

/** Ends every session of an account (a password change, a disabled account), in the caller's transaction. */
export async function endAllSessions(tx: Tx, userId: number, now = Date.now()): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: new Date(now) })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}
