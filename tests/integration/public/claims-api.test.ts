import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
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
  token = (await createApiToken({ kind: "user", userId: contributor!.id }, {})).token;
});
afterAll(async () => {
  await t.close();
});

const PUBLISHED = "those-killed-in-the-mariupol-maternity-hospital-strike-were";
const IN_REVIEW = "the-mariupol-maternity-hospital-had-been-emptied-of";

describe("GET /api/v1/claims", () => {
  it("should list published claims with an HTML-safe snippet, cacheable, for any origin", async () => {
    const res = await callRoute(claimsRoute.GET, "GET", "/api/v1/claims?q=civil");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toMatch(/public/);
    expect(res.json.total).toBe(1);
    expect(res.json.items[0].snippetHtml).toContain("<mark>civilians</mark>");
    const again = await callRoute(claimsRoute.GET, "GET", "/api/v1/claims?q=civil", {
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
