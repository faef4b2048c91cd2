import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as meRoute from "@/app/api/v1/me/route";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createUser } from "@/lib/services/users/create-user";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";
import { callRoute } from "../../support/http";

let t: TestDb;
const tokens: Record<string, string> = {};
let contributorActor: Actor & { userId: number };
let adminActor: Actor & { userId: number };

beforeAll(async () => {
  t = await createTestDb();
  const admin = (adminActor = await addUser(t.database, "admin@example.org", "admin"));
  const editor = await addUser(t.database, "editor@example.org", "editor");
  contributorActor = await addUser(t.database, "contributor@example.org", "contributor");
  tokens.admin = (await createApiToken(admin, { scope: "write" })).token;
  tokens.editor = (await createApiToken(editor, { scope: "write" })).token;
  tokens.contributor = (await createApiToken(contributorActor, { scope: "write" })).token;
});
afterAll(async () => {
  await t.close();
});

let before: Awaited<ReturnType<typeof tableSnapshot>>;
beforeEach(async () => {
  before = await tableSnapshot(t.db);
});

describe("POST /api/v1/users", () => {
  const valid = { email: "reporter@example.org", name: "A Reporter", role: "contributor" };

  it("should refuse anonymous callers with 401 before reading the body", async () => {
    const res = await callRoute(usersRoute.POST, "POST", "/api/v1/users", { rawBody: "{not json" });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
    expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it.each(["contributor", "editor"])("should refuse a %s with 403", async (who) => {
    const res = await callRoute(usersRoute.POST, "POST", "/api/v1/users", { token: tokens[who], body: valid });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/may not manage user accounts/);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should refuse an admin's API token: a new account is a new credential", async () => {
    const res = await callRoute(usersRoute.POST, "POST", "/api/v1/users", { token: tokens.admin, body: valid });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/API tokens cannot create accounts: sign in as an admin/);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should create the account for a signed-in admin and show the temporary password once", async () => {
    const created = await createUser(adminActor, valid);
    expect(created.user).toMatchObject({ email: "reporter@example.org", role: "contributor", disabled: false });
    expect(created.user).not.toHaveProperty("passwordHash");
    expect(created.temporaryPassword).toMatch(/^\w{16}$/);
    const list = await callRoute(usersRoute.GET, "GET", "/api/v1/users", { token: tokens.admin });
    expect(JSON.stringify(list.json)).not.toContain(created.temporaryPassword);
  });

  const badBodies: [string, { rawBody?: string; body?: unknown; headers?: Record<string, string> }, number, string][] =
    [
      ["malformed JSON", { rawBody: '{"email": ' }, 400, "not valid JSON"],
      [
        "a body that is not JSON",
        { rawBody: "email=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
        400,
        "JSON",
      ],
      ["wrong types", { body: { email: 42, name: ["x"], role: true } }, 422, "email"],
      ["an unknown field", { body: { ...valid, email: "u@example.org", isAdmin: true } }, 422, "isAdmin"],
      ["an over-long name", { body: { ...valid, email: "l@example.org", name: "n".repeat(500) } }, 422, "name"],
      ["a bad email", { body: { ...valid, email: "reporter at example" } }, 422, "email"],
      ["an unknown role", { body: { ...valid, email: "r@example.org", role: "owner" } }, 422, "role"],
      ["a JSON array", { body: [valid] }, 422, "(input)"],
    ];
  it.each(badBodies)(
    "should answer %s with a clear %i naming the problem, changing nothing",
    async (_label, call, status, mention) => {
      const res = await callRoute(usersRoute.POST, "POST", "/api/v1/users", { token: tokens.admin, ...call });
      expect(res.status).toBe(status);
      expect(Object.keys(res.json)).toEqual(["error"]);
      expect(JSON.stringify(res.json.error)).toContain(mention);
      expect(await tableSnapshot(t.db)).toEqual(before);
    },
  );
});

describe("PATCH /api/v1/users/{id}", () => {
  it("should let an admin change a role and refuse a stale version with 409", async () => {
    const id = String(contributorActor.userId);
    const ok = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token: tokens.admin,
      params: { id },
      body: { role: "editor", version: 1 },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.user).toMatchObject({ role: "editor", version: 2 });
    const stale = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token: tokens.admin,
      params: { id },
      body: { role: "admin", version: 1 },
    });
    expect(stale.status).toBe(409);
    const back = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token: tokens.admin,
      params: { id },
      body: { role: "contributor" },
    });
    expect(back.status).toBe(200);
  });

  const badPatches: [string, { rawBody?: string; body?: unknown }, number, string][] = [
    ["malformed JSON", { rawBody: "{role:" }, 400, "not valid JSON"],
    ["a wrong type", { body: { disabled: "yes" } }, 422, "disabled"],
    ["an unknown field", { body: { passwordHash: "x" } }, 422, "passwordHash"],
    ["an over-long name", { body: { name: "n".repeat(121) } }, 422, "name"],
    ["an unknown role", { body: { role: "root" } }, 422, "role"],
    ["nothing to change", { body: {} }, 422, "at least one"],
    ["a version that is not a number", { body: { name: "X", version: "1" } }, 422, "version"],
  ];
  it.each(badPatches)(
    "should answer %s with %i naming the problem, changing nothing",
    async (_label, call, status, mention) => {
      const id = String(contributorActor.userId);
      const res = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
        token: tokens.admin,
        params: { id },
        ...call,
      });
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.json.error)).toContain(mention);
      expect(await tableSnapshot(t.db)).toEqual(before);
    },
  );

  it("should answer 404 for an unknown id and 422 for a non-numeric one", async () => {
    const missing = await callRoute(userRoute.PATCH, "PATCH", "/api/v1/users/999", {
      token: tokens.admin,
      params: { id: "999" },
      body: { name: "X" },
    });
    expect(missing.status).toBe(404);
    const bad = await callRoute(userRoute.PATCH, "PATCH", "/api/v1/users/abc", {
      token: tokens.admin,
      params: { id: "abc" },
      body: { name: "X" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toBe("userId");
  });

  it("should set the caller's interface language, and answer refusals in the language the request asks for", async () => {
    const set = (body: unknown, headers: Record<string, string> = {}) =>
      callRoute(meRoute.PATCH, "PATCH", "/api/v1/me", { token: tokens.editor, body, headers });
    expect((await set({ locale: "uk" })).json.user.locale).toBe("uk");
    expect((await set({ locale: null })).json.user.locale).toBeNull();
    const english = await set({ locale: "klingon" });
    expect(english.status).toBe(422);
    expect(english.json.error.issues).toEqual([{ path: "locale", message: "must be one of the interface languages" }]);
    const ukrainian = await set({ locale: "klingon" }, { "accept-language": "uk-UA,uk;q=0.9,en;q=0.5" });
    expect(ukrainian.status).toBe(422);
    expect(ukrainian.json.error).toEqual({
      code: "validation_failed",
      message: "Хибні дані — locale: має бути однією з мов інтерфейсу",
      issues: [{ path: "locale", message: "має бути однією з мов інтерфейсу" }],
    });
  });

  it("should stop a disabled account's token at its next request, for good", async () => {
    const id = String(contributorActor.userId);
    expect((await callRoute(meRoute.GET, "GET", "/api/v1/me", { token: tokens.contributor })).status).toBe(200);
    const res = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token: tokens.admin,
      params: { id },
      body: { disabled: true },
    });
    expect(res.json.user.disabled).toBe(true);
    const me = await callRoute(meRoute.GET, "GET", "/api/v1/me", { token: tokens.contributor });
    expect(me.status).toBe(401);
    await callRoute(userRoute.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token: tokens.admin,
      params: { id },
      body: { disabled: false },
    });
    expect((await callRoute(meRoute.GET, "GET", "/api/v1/me", { token: tokens.contributor })).status).toBe(401);
  });
});

describe("GET /api/v1/me", () => {
  it("should answer who the token belongs to, and 401 for a bad or malformed bearer header", async () => {
    const me = await callRoute(meRoute.GET, "GET", "/api/v1/me", { token: tokens.editor });
    expect(me.json.user).toMatchObject({ email: "editor@example.org", role: "editor" });
    expect((await callRoute(meRoute.GET, "GET", "/api/v1/me", { token: "cdk_nope" })).status).toBe(401);
    expect(
      (await callRoute(meRoute.GET, "GET", "/api/v1/me", { headers: { authorization: "Basic abc" } })).status,
    ).toBe(401);
    expect((await callRoute(meRoute.GET, "GET", "/api/v1/me")).status).toBe(401);
  });
});
