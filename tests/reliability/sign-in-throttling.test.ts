/**
 * Sign-in throttling, through Auth.js's real credentials route (app/api/auth/[...nextauth]), with the client address
 * the server's front door stamps on every request (here set by the test, as lib/http/front-door.ts would):
 * - password spraying: 500 attempts for different emails from one address — only the first MAX_ADDRESS_FAILURES have
 *   their password checked; every later one is answered 429 with Retry-After, before any hash;
 * - an attacker cannot keep the owner out: failures for an account from one address do not throttle its owner
 *   elsewhere, the only admin included;
 * - no enumeration: a known and an unknown email are answered alike, throttled alike;
 * - the sign-in page's form says "try again in N minutes";
 * - the prune of old failures reads by an index.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { ENGINE } from "@/db/engine";
import { execute, queryRows } from "@/db/sql";
import { CLIENT_ADDRESS_HEADER, stampedAddress } from "@/lib/http/client-address";
import { createTestDb, TEST_PASSWORD, type TestDb } from "../support/db";
import { addUser } from "../support/fixtures";

vi.hoisted(() => {
  process.env.AUTH_SECRET = "throttling-test-secret-0123456789-abcdef"; // read when lib/auth is first imported
  delete process.env.PUBLIC_BASE_URL;
});

/** The request `next/headers` answers for (the sign-in page's server action reads it). */
const request = vi.hoisted(() => ({ address: "" }));
vi.mock("next/headers", async () => {
  const { CLIENT_ADDRESS_HEADER: header, stampedAddress: stamp } = await import("@/lib/http/client-address");
  return {
    headers: async () =>
      new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", [header]: stamp(request.address) }),
    cookies: async () => ({ set: () => undefined, get: () => undefined }),
  };
});

const { handlers } = await import("@/lib/auth");
const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const { login } = await import("@/lib/auth/actions");
const { MAX_ADDRESS_FAILURES, MAX_FAILURES, FAILURE_WINDOW_MS } = await import("@/lib/services/auth/authenticate");

const ORIGIN = "http://localhost:3000";
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.database, "admin@example.org", "admin");
});
afterAll(() => t.close());

/** One sign-in attempt through Auth.js's route from `address`. */
async function attempt(address: string, email: string, password: string) {
  const csrf = await handlers.GET(new Request(`${ORIGIN}/api/auth/csrf`) as never);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await authRoute.POST(
    new Request(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        [CLIENT_ADDRESS_HEADER]: stampedAddress(address),
      },
      body: new URLSearchParams({ email, password, csrfToken }),
    }) as never,
  );
  const signedIn = res.headers.getSetCookie().some((c) => /^authjs\.session-token=/.test(c));
  return { status: res.status, signedIn, retryAfter: res.headers.get("retry-after"), res };
}

describe("sign-in throttling per client address", () => {
  it("should answer 480 of 500 sprayed attempts from one address with 429, without checking their passwords", async () => {
    const sprayer = "203.0.113.66";
    const outcomes: { status: number; retryAfter: string | null }[] = [];
    for (let i = 0; i < 500; i++) outcomes.push(await attempt(sprayer, `person${i}@example.org`, "Winter2026!"));
    const refusedAsWrong = outcomes.filter((o) => o.status === 302);
    const throttled = outcomes.filter((o) => o.status === 429);
    expect(refusedAsWrong).toHaveLength(MAX_ADDRESS_FAILURES);
    expect(throttled).toHaveLength(500 - MAX_ADDRESS_FAILURES);
    for (const o of throttled) {
      expect(Number(o.retryAfter)).toBeGreaterThan(0);
      expect(Number(o.retryAfter)).toBeLessThanOrEqual(FAILURE_WINDOW_MS / 1000);
    }
    const last = await attempt(sprayer, "admin@example.org", TEST_PASSWORD);
    expect(last.status).toBe(429);
    expect(await last.res.json()).toMatchObject({
      error: { code: "rate_limited", message: /Try again in 15 minutes/ },
    });
    // The right password from that address is not even checked; from any other address the admin signs in.
    expect(last.signedIn).toBe(false);
    expect((await attempt("198.51.100.1", "admin@example.org", TEST_PASSWORD)).signedIn).toBe(true);
  });

  it("should count an IPv6 client by its /64, and a header without this server's stamp as one unknown client", async () => {
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) {
      expect((await attempt(`2001:db8:7:7::${i.toString(16)}`, `v6-${i}@example.org`, "x")).status).toBe(302);
    }
    expect((await attempt("2001:db8:7:7:ffff::1", "v6@example.org", "x")).status).toBe(429);
    expect((await attempt("2001:db8:7:8::1", "v6@example.org", "x")).status).toBe(302);
    // A client naming its own address in the header is one unknown client, whatever address it names.
    const spoofed = (i: number) =>
      authRoute.POST(
        new Request(`${ORIGIN}/api/auth/callback/credentials`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", [CLIENT_ADDRESS_HEADER]: `198.51.100.${i}` },
          body: new URLSearchParams({ email: `s${i}@example.org`, password: "x" }),
        }) as never,
      );
    const { loginFailures } = await import("@/db/schema");
    for (let i = 0; i < 3; i++) await spoofed(i);
    const rows = await t.db.select({ address: loginFailures.address }).from(loginFailures);
    expect(rows.filter((r) => r.address.startsWith("198.51.100."))).toEqual([]);
  });

  it("should not let anyone keep the only admin out by failing for the account from their own address", async () => {
    const attacker = "203.0.113.77";
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await attempt(attacker, "admin@example.org", "guess")).status).toBe(302);
    }
    expect((await attempt(attacker, "admin@example.org", "guess")).status).toBe(429);
    // Repeating it every few minutes changes nothing for the owner at their desk.
    for (let round = 0; round < 3; round++) {
      expect((await attempt(attacker, "admin@example.org", "guess")).status).toBe(429);
      expect((await attempt("198.51.100.2", "admin@example.org", TEST_PASSWORD)).signedIn).toBe(true);
    }
  });

  it("should answer a known and an unknown email alike, and throttle both alike", async () => {
    const a = await attempt("203.0.113.88", "admin@example.org", "nope");
    const b = await attempt("203.0.113.88", "nobody@example.org", "nope");
    expect([a.status, a.res.headers.get("location")]).toEqual([b.status, b.res.headers.get("location")]);
    for (let i = 0; i < MAX_FAILURES; i++) {
      await attempt("203.0.113.89", "admin@example.org", "nope");
      await attempt("203.0.113.89", "nobody@example.org", "nope");
    }
    const known = await attempt("203.0.113.89", "admin@example.org", "nope");
    const unknown = await attempt("203.0.113.89", "nobody@example.org", "nope");
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(await known.res.json()).toEqual(await unknown.res.json());
  });

  it("should tell the sign-in page's form to try again in N minutes", async () => {
    request.address = "203.0.113.99";
    const form = (password: string) => {
      const f = new FormData();
      f.set("email", "admin@example.org");
      f.set("password", password);
      return f;
    };
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await login({}, form("nope"))).toMatchObject({ message: "Wrong email or password." });
    }
    expect(await login({}, form(TEST_PASSWORD))).toEqual({
      message: "Too many failed sign-in attempts. Try again in 15 minutes.",
      values: { email: "admin@example.org" },
    });
  });
});

describe("the prune of old failures", () => {
  it("should find them by an index on attempted_at", async () => {
    const prune = sql`delete from login_failures where attempted_at < 1`;
    const plan =
      ENGINE === "sqlite"
        ? await queryRows(t.db, sql`explain query plan ${prune}`)
        : // The planner may prefer reading a small table whole: asked not to, it shows the index it can use.
          await t.database.transaction(async (tx) => {
            await execute(tx, sql`set local enable_seqscan = off`);
            return queryRows(tx, sql`explain ${prune}`);
          });
    expect(JSON.stringify(plan)).toMatch(/login_failures_at_idx/);
  });
});
