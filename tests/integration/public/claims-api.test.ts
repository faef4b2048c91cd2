import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as claimantsRoute from "@/app/api/v1/claimants/route";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import { seedDemo } from "@/db/seed";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { queryRow } from "@/db/sql";
import { createTestDb, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";

let t: TestDb;
let token: string;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const contributor = await queryRow<{ id: number }>(
    t.db,
    sql`select id from users where email = 'contributor@claimdesk.test'`,
  );
  token = (await createApiToken({ kind: "user", userId: contributor!.id }, { scope: "write" })).token;
});
afterAll(async () => {
  await t.close();
});

const PUBLISHED = "those-killed-in-the-mariupol-maternity-hospital-strike-were";
const IN_REVIEW = "the-mariupol-maternity-hospital-had-been-emptied-of";

describe("GET /api/v1/claims", () => {
  it("should list published claims with an HTML-safe snippet, cacheable, for any origin", async () => {
    const res = await callRoute(claimsRoute.GET, "GET", "/api/v1/claims?q=civilian");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toMatch(/public/);
    expect(res.json.total).toBe(1);
    expect(res.json.items[0].snippetHtml).toContain("<mark>civilians</mark>");
    const again = await callRoute(claimsRoute.GET, "GET", "/api/v1/claims?q=civilian", {
      headers: { "if-none-match": res.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
  });

  it("should list internal work by state only for the desk", async () => {
    expect((await callRoute(claimsRoute.GET, "GET", "/api/v1/claims?status=in_review")).status).toBe(401);
    const res = await callRoute(claimsRoute.GET, "GET", "/api/v1/claims?status=in_review", { token });
    expect(res.json.claims.map((c: { slug: string }) => c.slug)).toEqual([IN_REVIEW]);
  });
});

describe("GET /api/v1/claims/{idOrSlug}", () => {
  it("should give anyone the published record, without internal fields", async () => {
    const res = await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${PUBLISHED}`, { params: { id: PUBLISHED } });
    expect(res.status).toBe(200);
    expect(res.json.claim).toMatchObject({ slug: PUBLISHED, verdict: { rating: { label: "False" } } });
    expect(JSON.stringify(res.json)).not.toMatch(/@claimdesk\.test|passwordHash|"note"|comments|timeline/);
  });

  it("should answer 404 to anonymous callers for a claim still in review, and the full record to the desk", async () => {
    expect(
      (await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${IN_REVIEW}`, { params: { id: IN_REVIEW } })).status,
    ).toBe(404);
    const internal = await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${IN_REVIEW}`, {
      token,
      params: { id: IN_REVIEW },
    });
    expect(internal.json.claim.versions[0]).toMatchObject({ state: "in_review" });
  });
});

describe("input one engine takes and the other refuses", () => {
  it("should treat NUL characters and ids beyond any id as matching nothing, never as a server error", async () => {
    for (const url of [
      "/api/v1/claims?claimant=%00",
      "/api/v1/claims?q=civil&dispute=x%00y",
      "/api/v1/claims?rating=%00&q=%00",
    ]) {
      expect((await callRoute(claimsRoute.GET, "GET", url)).status, url).toBe(200);
    }
    for (const id of ["99999999999", "999999999999999999999999", "2147483648"]) {
      expect((await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${id}`, { params: { id } })).status, id).toBe(404);
      const csv = await callRoute(exportRoute.GET, "GET", `/api/v1/exports/csv?document=${id}`, {
        params: { format: "csv" },
      });
      expect(csv.status, id).toBe(404);
    }
  });

  it("should refuse a NUL character in a field with 422 naming it", async () => {
    const res = await callRoute(claimsRoute.POST, "POST", "/api/v1/claims", {
      token,
      body: { documentId: 1, revision: 1, start: 0, end: 5, claimant: { name: "Nul\u0000Name" } },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toContainEqual({
      path: "claimant.name",
      message: "must not contain a NUL character",
    });
  });

  it("should find claimants by name as typed, with % and _ as plain characters", async () => {
    const list = async (q: string) =>
      (await callRoute(claimantsRoute.GET, "GET", `/api/v1/claimants?q=${encodeURIComponent(q)}`, { token })).json
        .claimants as { name: string }[];
    const made = await callRoute(claimantsRoute.POST, "POST", "/api/v1/claimants", {
      token,
      body: { name: "Дмитро Кулеба", description: "Міністр закордонних справ" },
    });
    expect(made.status).toBe(201);
    expect((await list("Кулеба")).map((c) => c.name)).toEqual(["Дмитро Кулеба"]);
    expect((await list("KULEBA")).map((c) => c.name)).toEqual(["Dmytro Kuleba"]);
    expect(await list("%")).toEqual([]);
    expect(await list("_")).toEqual([]);
    expect(await list("\\")).toEqual([]);
  });
});
