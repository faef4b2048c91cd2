import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as ratingRoute from "@/app/api/v1/rating-scale/route";
import * as healthRoute from "@/app/api/health/route";
import * as catchAll from "@/app/api/v1/[...path]/route";
import { openDatabase, setDatabase } from "@/db/client";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";
import { callRoute } from "../../support/http";

let t: TestDb;
let bootstrap: string;

beforeAll(async () => {
  t = await createTestDb();
  const editor = await addUser(t.database, "editor@example.org", "editor");
  bootstrap = (await createApiToken(editor, { name: "bootstrap" })).token;
});
afterAll(async () => {
  await t.close();
});

describe("/api/v1/tokens", () => {
  it("should create a token shown once, list it without the secret, and revoke it", async () => {
    const created = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
      token: bootstrap,
      body: { name: "CMS" },
    });
    expect(created.status).toBe(201);
    const { token, record } = created.json;
    expect((await callRoute(meRoute.GET, "GET", "/api/v1/me", { token })).status).toBe(200);

    const list = await callRoute(tokensRoute.GET, "GET", "/api/v1/tokens", { token });
    expect(list.json.tokens.map((r: { name: string }) => r.name).sort()).toEqual(["CMS", "bootstrap"]);
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

  it("should name the field when a token name is too long or of the wrong type", async () => {
    const long = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
      token: bootstrap,
      body: { name: "x".repeat(81) },
    });
    expect(long.status).toBe(422);
    expect(long.json.error.issues).toEqual([{ path: "name", message: "must be at most 80 characters" }]);
    const wrong = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { token: bootstrap, body: { name: 5 } });
    expect(wrong.json.error.issues[0].path).toBe("name");
    const unknown = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
      token: bootstrap,
      body: { name: "x", scope: "all" },
    });
    expect(unknown.json.error.issues).toEqual([{ path: "scope", message: "is not a known field" }]);
    const other = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", {
      token: bootstrap,
      body: { forEmail: "admin@example.org" },
    });
    expect(other.status).toBe(403);
    const malformed = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { token: bootstrap, rawBody: "{" });
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
