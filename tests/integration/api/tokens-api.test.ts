import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as ratingRoute from "@/app/api/v1/rating-scale/route";
import * as healthRoute from "@/app/api/health/route";
import * as catchAll from "@/app/api/v1/[...path]/route";
import { openDatabase, setDatabase } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";
import { callRoute } from "../../support/http";

// A request with the session cookie is signed in as `session.user` (the real check of the cookie's session is
// tests/reliability/sessions.test.ts): only a session, never a token, may create tokens through the API.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const COOKIE = { cookie: "authjs.session-token=signed-in" };

let t: TestDb;
let bootstrap: string;

beforeAll(async () => {
  t = await createTestDb();
  const editor = await addUser(t.database, "editor@example.org", "editor");
  session.user = {
    id: editor.userId,
    email: "editor@example.org",
    name: "editor",
    role: "editor",
    locale: null,
    actor: editor,
  };
  bootstrap = (await createApiToken(editor, { name: "bootstrap", scope: "write" })).token;
});
afterAll(async () => {
  await t.close();
});

describe("/api/v1/tokens", () => {
  it("should create a token shown once, list it without the secret, and revoke it", async () => {
    const created = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
      headers: COOKIE,
      body: { name: "CMS" },
    });
    expect(created.status).toBe(201);
    const { token, record } = created.json;
    // Read only and 90 days unless asked otherwise.
    expect(record).toMatchObject({ name: "CMS", scope: "read", lastUsedAt: null, revokedAt: null });
    const days = (Date.parse(record.expiresAt) - Date.parse(record.createdAt)) / 86_400_000;
    expect(days).toBe(90);
    expect((await callRoute(meRoute.GET, "GET", "/api/v1/me", { token })).status).toBe(200);

    const list = await callRoute(tokensRoute.GET, "GET", "/api/v1/tokens", { token });
    expect(list.json.tokens.map((r: { name: string }) => r.name).sort()).toEqual(["CMS", "bootstrap"]);
    expect(list.json.tokens.find((r: { name: string }) => r.name === "CMS")).toMatchObject({
      scope: "read",
      expiresAt: record.expiresAt,
      lastUsedAt: expect.any(String),
    });
    expect(JSON.stringify(list.json)).not.toContain(token);

    const id = String(record.id);
    const revoked = await callRoute(tokenRoute.DELETE, "DELETE", `/api/v1/tokens/${id}`, {
      token: bootstrap,
      params: { id },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json.token.revokedAt).toEqual(expect.any(String));
    expect((await callRoute(meRoute.GET, "GET", "/api/v1/me", { token })).status).toBe(401);
  });

  it("should take an expiry in days and a scope", async () => {
    const created = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
      headers: COOKIE,
      body: { name: "deploy", expiresInDays: 7, scope: "write" },
    });
    expect(created.status).toBe(201);
    const { record } = created.json;
    expect(record.scope).toBe("write");
    expect((Date.parse(record.expiresAt) - Date.parse(record.createdAt)) / 86_400_000).toBe(7);
  });

  it("should refuse to create a token for a caller that came with a token", async () => {
    const res = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { token: bootstrap, body: { name: "x" } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe(
      "API tokens cannot create tokens: sign in and use your account page, or the command line.",
    );
  });

  it("should name the field when a token name, expiry or scope is wrong", async () => {
    const post = (body: unknown) => callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { headers: COOKIE, body });
    const long = await post({ name: "x".repeat(81) });
    expect(long.status).toBe(422);
    expect(long.json.error.issues).toEqual([{ path: "name", message: "must be at most 80 characters" }]);
    const wrong = await post({ name: 5 });
    expect(wrong.json.error.issues[0].path).toBe("name");
    const scope = await post({ name: "x", scope: "all" });
    expect(scope.status).toBe(422);
    expect(scope.json.error.issues).toEqual([{ path: "scope", message: "must be one of read, write" }]);
    const unknown = await post({ name: "x", lifetime: 3 });
    expect(unknown.json.error.issues).toEqual([{ path: "lifetime", message: "is not a known field" }]);
    for (const [expiresInDays, message] of [
      [0, "must be at least 1 day"],
      [366, "must be at most 365 days (a year)"],
      [1.5, "must be a whole number of days"],
      ["30", "must be a whole number of days"],
    ] as const) {
      const res = await post({ name: "x", expiresInDays });
      expect(res.status).toBe(422);
      expect(res.json.error.issues).toEqual([{ path: "expiresInDays", message }]);
    }
    const other = await post({ forEmail: "admin@example.org" });
    expect(other.status).toBe(403);
    const malformed = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { headers: COOKIE, rawBody: "{" });
    expect(malformed.status).toBe(400);
  });
});

describe("unknown API paths", () => {
  it("should answer 404 in the JSON error shape", async () => {
    const res = await callRoute(catchAll.GET, "GET", "/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: "not_found", message: "No API route GET /api/v1/nothing-here." });
  });
});

describe("public endpoints", () => {
  it("should serve the rating scale to anyone", async () => {
    const res = await callRoute(ratingRoute.GET, "GET", "/api/v1/rating-scale");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ratings: [] });
  });

  it("should answer health 200 while the database answers and 503 when it does not", async () => {
    expect((await callRoute(healthRoute.GET, "GET", "/api/health")).json).toEqual({ status: "ok" });
    // The same database, closed: every query fails.
    const broken = openDatabase(t.url);
    await broken.close();
    setDatabase(broken);
    try {
      const res = await callRoute(healthRoute.GET, "GET", "/api/health");
      expect(res.status).toBe(503);
    } finally {
      setDatabase(t.database);
    }
  });
});
