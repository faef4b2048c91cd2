/**
 * API tokens: a token cannot create tokens (only a signed-in session or the command line can); a password change
 * revokes every token of the account; a token stops working when it expires, and a refused token is told why
 * (unknown, revoked, expired, account disabled); a `read` token may only make GET requests, refused for every other
 * method of every `/api/v1` route before the body is read (the route files are enumerated, so a new write route is
 * covered as soon as it exists), while a `write` token writes; new tokens last 90 days unless told otherwise, 1 to 365
 * days or a date within a year (API and command line); tokens made before expiries existed keep working until 90 days
 * after the upgrade, on each engine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as documentsRoute from "@/app/api/v1/documents/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import { openDatabase, setDatabase, type Database } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { dropDatabase, POSTGRES_MIGRATIONS, withClient } from "@/db/engines/postgres";
import { SQLITE_MIGRATIONS } from "@/db/engines/sqlite";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { generateApiToken, hashApiToken } from "@/lib/auth/api-token";
import type { Actor } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/session";
import { main } from "@/lib/cli/main";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { changeOwnPassword } from "@/lib/services/users/change-password";
import { createTestDb, TEST_PASSWORD, tableSnapshot, type TestDb } from "../support/db";
import { addUser } from "../support/fixtures";
import { callRoute } from "../support/http";

// A request with the session cookie is signed in as `session.user` (whether a cookie's session is live is
// tests/reliability/sessions.test.ts): what matters here is that a session, unlike a token, may create tokens.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const COOKIE = { cookie: "authjs.session-token=signed-in" };

const ROOT = path.resolve(import.meta.dirname, "../..");
const DAY = 86_400_000;
const NEW_PASSWORD = "a brand new password";

let t: TestDb;
let seq = 0;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  session.user = null;
});

/** A fresh account of this role, signed in (the session's actor carries no token). */
async function account(role: "admin" | "editor" | "contributor" = "editor") {
  const email = `${role}${++seq}@tokens.test`;
  const actor = await addUser(t.database, email, role);
  const user: CurrentUser = { id: actor.userId, email, name: email, role, locale: null, actor };
  return { actor, email, user };
}

/** A token made from a signed-in session (the account page's way). */
async function tokenFor(actor: Actor, input: Record<string, unknown> = {}) {
  return createApiToken(actor, { name: `token ${++seq}`, ...input });
}

const me = (token: string) => callRoute(meRoute.GET, "GET", "/api/v1/me", { token });
/** `2027-02-27 10:04 UTC`, as messages write an instant. */
const shown = (d: Date) => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;

describe("creating tokens", () => {
  it("should refuse a caller that came with a token, read or write, and let a signed-in session create one", async () => {
    const { actor, user } = await account("admin");
    for (const scope of ["write", "read"] as const) {
      const { token } = await tokenFor(actor, { scope });
      const before = await tableSnapshot(t.db);
      const res = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
        token,
        body: { name: "successor" },
      });
      expect(res.status).toBe(403);
      expect(res.json.error.message).toMatch(
        scope === "write"
          ? /^API tokens cannot create tokens: sign in and use your account page, or the command line\.$/
          : /^This token is read-only \(scope read\)/,
      );
      expect(await tableSnapshot(t.db)).toEqual(before);
    }
    // The same request from a signed-in session.
    session.user = user;
    const created = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
      headers: COOKIE,
      body: { name: "from the account", scope: "write", expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    expect(created.json.record).toMatchObject({ name: "from the account", scope: "write" });
    expect((await me(created.json.token)).status).toBe(200);
  });

  it("should let a token list its owner's tokens, and a write token revoke one (itself included)", async () => {
    const { actor } = await account();
    const write = await tokenFor(actor, { scope: "write" });
    const read = await tokenFor(actor, { scope: "read" });
    const listed = await callRoute(tokensRoute.GET, "GET", "/api/v1/tokens", { token: read.token });
    expect(listed.status).toBe(200);
    expect(listed.json.tokens.map((r: { id: number }) => r.id).sort()).toEqual([write.record.id, read.record.id]);
    const id = String(write.record.id);
    const byRead = await callRoute(tokenRoute.DELETE, "DELETE", `/api/v1/tokens/${id}`, {
      token: read.token,
      params: { id },
    });
    expect(byRead.status).toBe(403);
    const bySelf = await callRoute(tokenRoute.DELETE, "DELETE", `/api/v1/tokens/${id}`, {
      token: write.token,
      params: { id },
    });
    expect(bySelf.status).toBe(200);
    expect((await me(write.token)).status).toBe(401);
  });

  it("should make tokens last 90 days unless told otherwise, from 1 to 365 days, and refuse anything else", async () => {
    const { user } = await account();
    session.user = user;
    const post = (body: unknown) => callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { headers: COOKIE, body });
    const lifetime = (record: { createdAt: string; expiresAt: string }) =>
      (Date.parse(record.expiresAt) - Date.parse(record.createdAt)) / DAY;

    const plain = await post({ name: "plain" });
    expect([plain.status, plain.json.record.scope, lifetime(plain.json.record)]).toEqual([201, "read", 90]);
    for (const days of [1, 7, 30, 365]) {
      expect(lifetime((await post({ name: `${days}`, expiresInDays: days })).json.record)).toBe(days);
    }
    for (const [expiresInDays, message] of [
      [0, "must be at least 1 day"],
      [-5, "must be at least 1 day"],
      [366, "must be at most 365 days (a year)"],
      [36500, "must be at most 365 days (a year)"],
      [2.5, "must be a whole number of days"],
      [null, "must be a whole number of days"],
    ] as const) {
      const res = await post({ name: "refused", expiresInDays });
      expect([res.status, res.json.error.issues]).toEqual([422, [{ path: "expiresInDays", message }]]);
    }
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const dated = await post({ name: "dated", expiresOn: day(10) });
    expect(dated.json.record.expiresAt).toBe(`${day(10)}T00:00:00.000Z`);
    for (const expiresOn of [day(0), day(-1), day(400)]) {
      const res = await post({ name: "refused", expiresOn });
      expect([res.status, res.json.error.issues[0].path]).toEqual([422, "expiresOn"]);
    }
  });

  it("should take --expires (days or a date) and --scope on the command line, refusing bounds as usage errors", async () => {
    const { email } = await account();
    const printed: string[] = [];
    const errors: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: string) => void printed.push(String(s)));
    vi.spyOn(console, "error").mockImplementation((s: string) => void errors.push(String(s)));
    const create = async (...options: string[]) => {
      printed.length = 0;
      expect(await main(["token", "create", "--email", email, ...options]), errors.join("\n")).toBe(0);
      const id = Number(/token id (\d+)/.exec(printed[1]!)![1]);
      return (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;
    };
    const plain = await create();
    expect([plain.scope, (plain.expiresAt.getTime() - plain.createdAt.getTime()) / DAY]).toEqual(["read", 90]);
    const month = await create("--expires", "30d", "--scope", "write");
    expect([month.scope, (month.expiresAt.getTime() - month.createdAt.getTime()) / DAY]).toEqual(["write", 30]);
    const date = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    expect((await create("--expires", date)).expiresAt.toISOString()).toBe(`${date}T00:00:00.000Z`);

    const tooFar = new Date(Date.now() + 366 * DAY).toISOString().slice(0, 10);
    for (const [expires, message] of [
      ["0d", /--expires: must be at least 1 day/],
      ["366d", /--expires: must be at most 365 days/],
      [tooFar, /--expires: must be at most 365 days from now/],
      ["2001-01-01", /--expires: must be a day after today/],
      ["90", /--expires takes a number of days \(30d\) or a date/],
    ] as const) {
      errors.length = 0;
      const before = await tableSnapshot(t.db);
      expect(await main(["token", "create", "--email", email, "--expires", expires])).toBe(2);
      expect(errors.join("\n")).toMatch(message);
      expect(await tableSnapshot(t.db)).toEqual(before);
    }
  });
});

describe("a password change", () => {
  it("should revoke every live token of the account in the change's transaction, and say how many", async () => {
    const { actor } = await account();
    const other = await account();
    const write = await tokenFor(actor, { scope: "write" });
    const read = await tokenFor(actor, { scope: "read" });
    const gone = await tokenFor(actor);
    const goneAt = (await revokeApiToken(actor, { tokenId: gone.record.id })).revokedAt;
    const others = await tokenFor(other.actor, { scope: "write" });
    expect((await me(write.token)).status).toBe(200);
    expect((await me(read.token)).status).toBe(200);

    await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });

    for (const { token } of [write, read]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.json.error.message).toMatch(
        /^This API token was revoked on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(changing the account's password revokes/,
      );
    }
    expect((await me(others.token)).status).toBe(200); // another account's token is not touched
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.change_password"), eq(auditEvents.entityId, actor.userId)));
    expect(event!.after).toMatchObject({ revokedTokens: 2 });
    // The one revoked before keeps its own revocation time.
    const [kept] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, gone.record.id));
    expect(kept!.revokedAt).toEqual(goneAt);
  });

  it("should leave the tokens alone when the current password is wrong", async () => {
    const { actor } = await account();
    const { token } = await tokenFor(actor, { scope: "write" });
    await expect(
      changeOwnPassword(actor, { currentPassword: "not the password at all", newPassword: NEW_PASSWORD }),
    ).rejects.toThrow(/current password is not right/);
    expect((await me(token)).status).toBe(200);
  });

  it("should be revoked by every service that sets an existing account's password", () => {
    // Today only the owner changes a password: an admin cannot set or reset one (lib/services/users/update-user.ts).
    // Should a service ever update `passwordHash` (an admin's reset), it must revoke the account's tokens too.
    const files = (fs.readdirSync(path.join(ROOT, "lib"), { recursive: true }) as string[]).filter((f) =>
      f.endsWith(".ts"),
    );
    const setting = files.filter((f) =>
      /\.update\(users\)[\s\S]{0,400}?\bpasswordHash\b/.test(fs.readFileSync(path.join(ROOT, "lib", f), "utf8")),
    );
    expect(setting).toContain(path.join("services", "users", "change-password.ts")); // the search works
    for (const f of setting) {
      expect(fs.readFileSync(path.join(ROOT, "lib", f), "utf8"), f).toMatch(/revokeAllTokensOf\(tx, /);
    }
  });
});

describe("refused tokens", () => {
  it("should refuse an expired token, saying when it expired", async () => {
    const { actor } = await account();
    const { token, record } = await tokenFor(actor, { scope: "write" });
    const at = new Date(Date.now() - 5 * 60_000);
    await t.database.transaction(async (tx) => {
      await tx.update(apiTokens).set({ expiresAt: at }).where(eq(apiTokens.id, record.id));
    });
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.json.error).toEqual({
      code: "unauthenticated",
      message: `This API token expired on ${shown(at)}; create a new one on your account page.`,
    });
  });

  it("should stop a token at the instant it expires", async () => {
    const { actor } = await account();
    const { token, record } = await tokenFor(actor, { expiresInDays: 7 });
    vi.useFakeTimers({ toFake: ["Date"], now: record.expiresAt.getTime() - 60_000 });
    expect((await me(token)).status).toBe(200);
    vi.setSystemTime(record.expiresAt);
    const res = await me(token);
    expect([res.status, res.json.error.message]).toEqual([
      401,
      `This API token expired on ${shown(record.expiresAt)}; create a new one on your account page.`,
    ]);
  });

  it("should say which: unknown, revoked, or its account disabled", async () => {
    const { actor } = await account();
    const revoked = await tokenFor(actor);
    await revokeApiToken(actor, { tokenId: revoked.record.id });
    const disabled = await account();
    const { token: disabledToken } = await tokenFor(disabled.actor);
    // Disabled in the database directly: disabling through the service also revokes the token.
    await t.database.transaction(async (tx) => {
      await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.actor.userId));
    });
    const message = async (headers: Record<string, string>) =>
      (await callRoute(meRoute.GET, "GET", "/api/v1/me", { headers })).json.error.message;
    const unknown = "The API token is missing or unknown.";
    expect(await message({ authorization: `Bearer ${generateApiToken()}` })).toBe(unknown);
    expect(await message({ authorization: "Bearer not-a-token" })).toBe(unknown);
    expect(await message({ authorization: "Bearer" })).toBe(unknown);
    expect(await message({ authorization: `Bearer ${revoked.token}` })).toMatch(/^This API token was revoked on /);
    expect(await message({ authorization: `Bearer ${disabledToken}` })).toBe("This API token's account is disabled.");
  });
});

// ---- Scopes on every route ---------------------------------------------------------------------------------------

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteFile = { file: string; url: string; methods: string[] };

/** Every route file under app/api/v1, its URL (`[id]` as `1`) and the methods it exports. */
function routeFiles(): RouteFile[] {
  const api = path.join(ROOT, "app", "api", "v1");
  return (fs.readdirSync(api, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => {
      const source = fs.readFileSync(path.join(api, f), "utf8");
      const declared = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+([A-Z]+)\b/g)].map((m) => m[1]!);
      const listed = [...source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)].flatMap((m) =>
        m[1]!.split(",").map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
        ),
      );
      const methods = [...new Set([...declared, ...listed])].filter((m) =>
        ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(m),
      );
      const dir = path.dirname(f).split(path.sep).join("/");
      return { file: path.join(api, f), url: `/api/v1/${dir}`, methods };
    });
}

/** Path parameters that would reach a route's handler: an id, a step, a format. */
function paramsOf(url: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [, spread, name] of url.matchAll(/\[(\.\.\.)?(\w+)\]/g)) {
    params[name!] = spread ? ["no", "such", "route"] : name === "step" ? "submit" : name === "format" ? "json" : "1";
  }
  return params;
}

const concrete = (url: string, params: Record<string, string | string[]>) =>
  url.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => [params[name]!].flat().join("/"));

/**
 * A JSON body that records whether anyone read it: a write refused for its scope must be refused before the body is
 * read (a 6 MB upload is not taken in only to be refused).
 */
function watchedBody() {
  const watch = { read: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.read = true;
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ name: "x", title: "x", text: "x" })));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, watch };
}

async function send(route: RouteFile, method: string, token: string) {
  const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler>;
  const params = paramsOf(route.url);
  const { body, watch } = watchedBody();
  const safe = ["GET", "HEAD", "OPTIONS"].includes(method);
  const req = new Request(new URL(concrete(route.url, params), "http://localhost"), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(safe ? {} : { "content-type": "application/json" }) },
    ...(safe ? {} : { body, duplex: "half" }),
  } as RequestInit);
  const res = await mod[method]!(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as { error?: { message: string } }) : undefined, watch };
}

/**
 * Routes that need no rule: the catch-all answers any method on a path no route serves with a JSON 404, whoever asks
 * (it reads nothing, writes nothing and checks no credentials).
 */
const EXEMPT: Record<string, string> = { "/api/v1/[...path]": "a JSON 404 for paths no route serves" };

describe("token scopes on every /api/v1 route", () => {
  const routes = routeFiles();
  const writes = routes.flatMap((r) =>
    r.methods.filter((m) => !["GET", "HEAD", "OPTIONS"].includes(m)).map((method) => ({ route: r, method })),
  );
  const reads = routes.flatMap((r) => r.methods.filter((m) => m === "GET").map((method) => ({ route: r, method })));
  let admin: { actor: Actor & { userId: number } };
  let readToken = "";
  let writeToken = "";

  beforeAll(async () => {
    admin = await account("admin"); // whose role could do anything: only the scope stands in the way
    readToken = (await tokenFor(admin.actor, { scope: "read" })).token;
    writeToken = (await tokenFor(admin.actor, { scope: "write" })).token;
  });

  it("should find the routes", () => {
    expect(writes.length).toBeGreaterThan(30);
    expect(reads.length).toBeGreaterThan(15);
  });

  for (const { route, method } of writes.filter((w) => !(w.route.url in EXEMPT))) {
    it(`${method} ${route.url} with a read token should answer 403 before reading the body, changing nothing`, async () => {
      const before = await tableSnapshot(t.db);
      const res = await send(route, method, readToken);
      expect(res.status, JSON.stringify(res.json)).toBe(403);
      expect(res.json?.error?.message).toMatch(
        new RegExp(`^This token is read-only \\(scope read\\): it may make GET requests only, not ${method}\\.`),
      );
      expect(res.watch.read).toBe(false);
      expect(await tableSnapshot(t.db)).toEqual(before);
    });
  }

  for (const { route, method } of writes.filter((w) => w.route.url in EXEMPT)) {
    it(`${method} ${route.url} (${EXEMPT[route.url]}) with a read token should answer 404`, async () => {
      expect((await send(route, method, readToken)).status).toBe(404);
    });
  }

  for (const { route, method } of reads) {
    it(`${method} ${route.url} with a read token should not be refused for its scope`, async () => {
      const res = await send(route, method, readToken);
      expect([401, 403], JSON.stringify(res.json)).not.toContain(res.status);
    });
  }

  it("should let a write token write, reading the body", async () => {
    const created = await callRoute(documentsRoute.POST, "POST", "/api/v1/documents", {
      token: writeToken,
      body: { title: "Written with a write token", text: "Some text to check." },
    });
    expect(created.status).toBe(201);
    const route = routes.find((r) => r.url === "/api/v1/documents")!;
    const res = await send(route, "POST", writeToken);
    expect(res.watch.read).toBe(true); // the same watched body is read when the scope allows (here: a 201 or a 422)
    expect([401, 403]).not.toContain(res.status);
  });
});

// ---- Tokens from before expiries ---------------------------------------------------------------------------------

/** A copy of the engine's migrations whose journal stops before the migration that added expiries and scopes. */
function migrationsBeforeExpiries(dir: string): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(ENGINE === "postgres" ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith("_tokens_throttling"));
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** A database at the schema before expiries, holding one account and one token made then; closed by `drop`. */
async function databaseBeforeExpiries(token: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-tokens-upgrade-"));
  const folder = migrationsBeforeExpiries(dir);
  const insertUser = `insert into users (email, name, role, password_hash) values ('old@tokens.test', 'Old', 'editor', 'x')`;
  const insertToken = (userId: number) =>
    `insert into api_tokens (user_id, name, token_hash, token_prefix)
     values (${userId}, 'made before expiries', '${hashApiToken(token)}', '${token.slice(0, 8)}')`;
  if (ENGINE === "sqlite") {
    const file = path.join(dir, "old.db");
    const connection = new BetterSqlite3(file);
    migrateSqlite(drizzleSqlite(connection), { migrationsFolder: folder });
    connection.exec(insertUser);
    const user = connection.prepare("select id from users where email = ?").get("old@tokens.test") as { id: number };
    connection.exec(insertToken(user.id));
    connection.close();
    return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `claimdesk_tokens_${process.pid}_${randomBytes(4).toString("hex")}`;
  const server = process.env.DATABASE_URL!;
  await withClient(server, (c) => c.query(`create database "${name}"`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  try {
    await migratePg(drizzlePg(pool), { migrationsFolder: folder });
    const { rows } = await pool.query<{ id: number }>(`${insertUser} returning id`);
    await pool.query(insertToken(rows[0]!.id));
  } finally {
    await pool.end();
  }
  return {
    url: url.toString(),
    drop: async () => {
      await withClient(server, (c) => dropDatabase(c, name));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe(`upgrading (${ENGINE})`, () => {
  it("should keep a token made before expiries working, with the write scope, until 90 days after the upgrade", async () => {
    const token = generateApiToken();
    const old = await databaseBeforeExpiries(token);
    let upgraded: Database | undefined;
    try {
      const start = Date.now();
      upgraded = openDatabase(old.url);
      await upgraded.migrate(); // the real migrations: those from the expiries on
      const end = Date.now();
      setDatabase(upgraded);

      const [row] = await upgraded.db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hashApiToken(token)));
      expect(row!.scope).toBe("write");
      expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(start + 90 * DAY - 1000);
      expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(end + 90 * DAY + 1000);

      const ok = await me(token);
      expect([ok.status, ok.json.user?.email]).toEqual([200, "old@tokens.test"]);
      // It still writes (what it could do before the upgrade), and shows its expiry in the list.
      const written = await callRoute(documentsRoute.POST, "POST", "/api/v1/documents", {
        token,
        body: { title: "After the upgrade", text: "Written with an old token." },
      });
      expect(written.status).toBe(201);
      const list = await callRoute(tokensRoute.GET, "GET", "/api/v1/tokens", { token });
      expect(list.json.tokens).toEqual([
        expect.objectContaining({ scope: "write", expiresAt: row!.expiresAt.toISOString() }),
      ]);

      vi.useFakeTimers({ toFake: ["Date"], now: row!.expiresAt.getTime() - 60_000 });
      expect((await me(token)).status).toBe(200);
      vi.setSystemTime(row!.expiresAt.getTime());
      const expired = await me(token);
      expect([expired.status, expired.json.error.message]).toEqual([
        401,
        `This API token expired on ${shown(row!.expiresAt)}; create a new one on your account page.`,
      ]);
    } finally {
      vi.useRealTimers();
      setDatabase(t.database);
      await upgraded?.close();
      await old.drop();
    }
  });
});
