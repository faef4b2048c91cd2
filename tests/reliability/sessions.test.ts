/**
 * Sessions end on the server: a session cookie signs in only while its row in `sessions` is live. Signing in goes
 * through Auth.js's real routes (app/api/auth/[...nextauth]); whether a cookie signs a request in is asked the way
 * every page and API request asks it (`getCurrentUser`, and an API route with the cookie), `next/headers` standing in
 * for Next's request. Signing out (the header's button, or Auth.js's sign-out route) ends the session for every copy
 * of its cookie; a password change or disabling the account ends all of the account's sessions; a cookie from before
 * sessions had rows is signed out. With an HTTPS PUBLIC_BASE_URL the cookie is `Secure` even on a plain HTTP request.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import { sessions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb, insertUser, TEST_PASSWORD, type TestDb } from "../support/db";
import { addUser } from "../support/fixtures";
import { callRoute } from "../support/http";

const SECRET = vi.hoisted(() => {
  const secret = "sessions-test-secret-0123456789-abcdefgh";
  process.env.AUTH_SECRET = secret; // read when lib/auth is first imported
  delete process.env.PUBLIC_BASE_URL;
  return secret;
});

/** The request `next/headers` answers for: its cookie header. */
const request = vi.hoisted(() => ({ cookie: "", set: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  // Next sets x-forwarded-proto on every request (without it, Auth.js takes the request for HTTPS).
  headers: async () => new Headers({ cookie: request.cookie, host: "localhost:3000", "x-forwarded-proto": "http" }),
  cookies: async () => ({ set: (name: string, value: string) => void request.set.push({ name, value }) }),
}));

const { handlers } = await import("@/lib/auth");
const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const { decode, encode } = await import("next-auth/jwt");
const { findSessionUser, hashSessionId, startSession } = await import("@/lib/services/auth/sessions");
const { SESSION_MAX_AGE_SECONDS } = await import("@/lib/auth/config");
const { logout } = await import("@/lib/auth/actions");
const { getCurrentUser } = await import("@/lib/auth/session");
const { changeOwnPassword } = await import("@/lib/services/users/change-password");
const { updateUser } = await import("@/lib/services/users/update-user");

const ORIGIN = "http://localhost:3000";
let t: TestDb;
let ed: Actor & { userId: number };
let other: Actor & { userId: number };
let seq = 0;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());
beforeEach(async () => {
  // Fresh accounts for each test: a password change or a disabled account does not spill over.
  seq++;
  ed = await addUser(t.database, `ed${seq}@example.org`, "editor");
  other = await addUser(t.database, `other${seq}@example.org`, "editor");
});

const emailOf = async (actor: { userId: number }) =>
  (await t.db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)))[0]!.email;

/** Cookies a response sets, as a request's cookie header. */
const cookieHeader = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** A CSRF token and its cookie from Auth.js's route. */
async function csrf() {
  const res = await handlers.GET(new Request(`${ORIGIN}/api/auth/csrf`) as never);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookieHeader(res) };
}

/** Signs in through Auth.js's credentials route; returns the response and the session cookie it set. */
async function signInResponse(email: string, password = TEST_PASSWORD) {
  const { csrfToken, cookie } = await csrf();
  const res = await authRoute.POST(
    new Request(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken }),
    }) as never,
  );
  const session = res.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  return { res, setCookie: session, cookie: session?.split(";")[0] };
}

async function signIn(actor: { userId: number }): Promise<string> {
  const { cookie } = await signInResponse(await emailOf(actor));
  expect(cookie, "signed in").toBeTruthy();
  return cookie!;
}

/** The JWT inside a session cookie. */
async function tokenOf(cookie: string) {
  const token = await decode({ token: cookie.split("=")[1]!, secret: SECRET, salt: "authjs.session-token" });
  return token!;
}

/** A session cookie holding this JWT. */
async function cookieOf(token: Record<string, unknown>) {
  return `authjs.session-token=${await encode({ token, secret: SECRET, salt: "authjs.session-token" })}`;
}

/** Who a request with this cookie is, as pages ask. */
async function whoIs(cookie: string) {
  request.cookie = cookie;
  return (await getCurrentUser())?.id ?? null;
}

/** The status of an API request with this cookie (GET /api/v1/tokens: any signed-in user). */
async function apiStatus(cookie: string) {
  request.cookie = cookie;
  return (await callRoute(tokensRoute.GET, "GET", "/api/v1/tokens", { headers: { cookie } })).status;
}

/** Signs out with the header's button (the `logout` server action); it ends in a redirect to /login. */
async function signOutWithButton(cookie: string) {
  request.cookie = cookie;
  request.set = [];
  await expect(logout()).rejects.toThrow(/NEXT_REDIRECT/);
  // The browser's cookie is cleared as well.
  expect(request.set).toContainEqual({ name: "authjs.session-token", value: "" });
}

describe("signing out", () => {
  it("should end the session for every copy of its cookie, and no other session", async () => {
    const cookie = await signIn(ed);
    const elsewhere = await signIn(ed); // the same account signed in on another computer
    const copy = cookie; // what an attacker copied from the browser
    expect(await whoIs(copy)).toBe(ed.userId);
    expect(await apiStatus(copy)).toBe(200);

    await signOutWithButton(cookie);

    expect(await whoIs(copy)).toBeNull();
    expect(await apiStatus(copy)).toBe(401);
    expect(await whoIs(elsewhere)).toBe(ed.userId);
    expect(await apiStatus(elsewhere)).toBe(200);
  });

  it("should end the session through Auth.js's sign-out route too", async () => {
    const cookie = await signIn(ed);
    expect(await whoIs(cookie)).toBe(ed.userId);
    const { csrfToken, cookie: csrfCookie } = await csrf();
    const res = await handlers.POST(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken }),
      }) as never,
    );
    expect(res.status).toBe(302);
    expect(await whoIs(cookie)).toBeNull();
    expect(await apiStatus(cookie)).toBe(401);
  });

  it("should keep a row per sign-in, ended at sign-out, with the session id stored hashed", async () => {
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, ed.userId))).toEqual([]);
    const cookie = await signIn(ed);
    const { sid } = await tokenOf(cookie);
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, ed.userId));
    expect(rows).toEqual([{ id: hashSessionId(sid!), userId: ed.userId, createdAt: expect.any(Date), endedAt: null }]);
    expect(rows[0]!.id).not.toContain(sid);
    await signOutWithButton(cookie);
    const [after] = await t.db.select().from(sessions).where(eq(sessions.id, rows[0]!.id));
    expect(after!.endedAt).toBeInstanceOf(Date);
  });
});

describe("ending all of an account's sessions", () => {
  it("should end every session of the account when its password changes, this one included", async () => {
    const [a, b, theirs] = [await signIn(ed), await signIn(ed), await signIn(other)];
    expect([await whoIs(a), await whoIs(b), await whoIs(theirs)]).toEqual([ed.userId, ed.userId, other.userId]);
    await changeOwnPassword(ed, { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    expect(await whoIs(a)).toBeNull();
    expect(await whoIs(b)).toBeNull();
    expect(await apiStatus(b)).toBe(401);
    expect(await whoIs(theirs)).toBe(other.userId);
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, ed.userId));
    expect(rows.map((r) => r.endedAt)).toEqual([expect.any(Date), expect.any(Date)]);
    // The new password signs in again.
    const { cookie } = await signInResponse(await emailOf(ed), "a brand new password");
    expect(await whoIs(cookie!)).toBe(ed.userId);
  });

  it("should end every session of a disabled account, and enabling it again does not bring them back", async () => {
    const admin = await addUser(t.database, `admin${seq}@example.org`, "admin");
    const [a, b] = [await signIn(ed), await signIn(ed)];
    expect([await whoIs(a), await whoIs(b)]).toEqual([ed.userId, ed.userId]);
    await updateUser(admin, { userId: ed.userId, disabled: true });
    expect(await whoIs(a)).toBeNull();
    expect(await apiStatus(b)).toBe(401);
    await updateUser(admin, { userId: ed.userId, disabled: false });
    expect(await whoIs(a)).toBeNull();
    expect(await whoIs(b)).toBeNull();
  });
});

describe("cookies the server did not start a live session for", () => {
  it("should sign out a cookie from before sessions had rows (it names no session)", async () => {
    const live = await tokenOf(await signIn(ed));
    const { uid, role, sub, email } = live;
    // The same token as the live one, naming its session, signs in; as made before sessions had rows, it does not.
    expect(await whoIs(await cookieOf({ uid, role, sub, email, sid: live.sid }))).toBe(ed.userId);
    const old = await cookieOf({ uid, role, sub, email, sv: 1 });
    expect(await whoIs(old)).toBeNull();
    expect(await apiStatus(old)).toBe(401);
  });

  it("should not start a session for a password that changed while it was checked", async () => {
    expect(await startSession({ id: ed.userId, passwordHash: "an older hash" })).toBeNull();
    const gone = await t.database.transaction((tx) => insertUser(tx, `gone${seq}@example.org`, "editor"));
    const [row] = await t.db.select().from(users).where(eq(users.id, gone.userId));
    expect(await startSession({ id: gone.userId, passwordHash: row!.passwordHash })).toEqual(expect.any(String));
    await t.database.transaction((tx) =>
      tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.userId)),
    );
    expect(await startSession({ id: gone.userId, passwordHash: row!.passwordHash })).toBeNull();
  });

  it("should end a session at the end of its lifetime, and drop its row at a later sign-in", async () => {
    const [row] = await t.db.select().from(users).where(eq(users.id, ed.userId));
    const start = Date.now();
    const sid = (await startSession({ id: ed.userId, passwordHash: row!.passwordHash }, start))!;
    const end = start + SESSION_MAX_AGE_SECONDS * 1000;
    expect(await findSessionUser(ed.userId, sid, end - 1)).toMatchObject({ id: ed.userId });
    expect(await findSessionUser(ed.userId, sid, end)).toBeNull();
    expect(await findSessionUser(other.userId, sid, start)).toBeNull(); // the row is the account's own
    await startSession({ id: ed.userId, passwordHash: row!.passwordHash }, end + 1);
    const left = await t.db.select().from(sessions).where(eq(sessions.userId, ed.userId));
    expect(left).toHaveLength(1);
  });
});

describe("with an HTTPS PUBLIC_BASE_URL", () => {
  it("should make the session cookie Secure (and __Secure- named) even on a plain HTTP request", async () => {
    const plain = await signInResponse(await emailOf(ed));
    expect(plain.setCookie).toMatch(/^authjs\.session-token=/);
    expect(plain.setCookie).not.toMatch(/;\s*Secure/i);

    vi.stubEnv("PUBLIC_BASE_URL", "https://desk.example.org");
    vi.resetModules();
    try {
      const https = await import("@/lib/auth");
      const csrfRes = await https.handlers.GET(new Request(`${ORIGIN}/api/auth/csrf`) as never);
      const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
      expect(csrfRes.headers.getSetCookie().join("\n")).toMatch(/^__Host-authjs\.csrf-token=.*;\s*Secure/im);
      const res = await https.handlers.POST(
        new Request(`${ORIGIN}/api/auth/callback/credentials`, {
          method: "POST",
          headers: { cookie: cookieHeader(csrfRes), "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: await emailOf(ed), password: TEST_PASSWORD, csrfToken }),
        }) as never,
      );
      const session = res.headers.getSetCookie().find((c) => c.includes("authjs.session-token="));
      expect(session).toMatch(/^__Secure-authjs\.session-token=/);
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("a sign-in request's body", () => {
  it("should be cut off at 16 KB while it streams (413), never held whole", async () => {
    const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
    const seen = { produced: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (seen.produced >= 50 * 1024 * 1024) return controller.close();
          seen.produced += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          seen.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const { csrfToken, cookie } = await csrf();
    const res = await authRoute.POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials?csrfToken=${csrfToken}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body,
        duplex: "half",
      } as RequestInit) as never,
    );
    expect(res.status).toBe(413);
    expect(seen.cancelled).toBe(true);
    expect(seen.produced).toBeLessThan(256 * 1024);
  });
});
