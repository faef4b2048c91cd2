import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import * as readRoute from "@/app/api/v1/notifications/read/route";
import * as preferencesRoute from "@/app/api/v1/me/notification-preferences/route";
import { claims } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";

let t: TestDb;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
let open: { id: number; version: number }[];

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  for (const name of ["admin", "editor", "reviewer", "contributor"]) {
    const row = await queryRow<{ id: number }>(
      t.db,
      sql`select id from users where email = ${`${name}@claimdesk.test`}`,
    );
    ids[name] = row!.id;
    tokens[name] = (await createApiToken({ kind: "user", userId: row!.id }, { scope: "write" })).token;
  }
  open = await t.db
    .select({ id: claims.id, version: claims.version })
    .from(claims)
    .where(
      sql`${claims.repeatOf} is null and not exists (select 1 from verdicts v where v.claim_id = ${claims.id} and v.state in ('published', 'retracted'))`,
    )
    .orderBy(claims.id);
});
afterAll(async () => {
  await t.close();
});

const patch = (who: string, id: number, body: Record<string, unknown>) =>
  callRoute(claimRoute.PATCH, "PATCH", `/api/v1/claims/${id}`, {
    token: tokens[who],
    params: { id: String(id) },
    body,
  });
const list = (who: string | undefined, query: string) =>
  callRoute(claimsRoute.GET, "GET", `/api/v1/claims?${query}`, who ? { token: tokens[who] } : {});

describe("assigning claims through the API", () => {
  it("should assign with PATCH and list the claims by assignee, deadline and priority", async () => {
    expect(open.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = open;
    const soon = new Date(Date.now() + 3 * 3600 * 1000).toISOString();
    const res = await patch("editor", a!.id, {
      assigneeId: ids.contributor,
      reviewerId: ids.reviewer,
      dueAt: soon,
      priority: "low",
      version: a!.version,
    });
    expect(res.status).toBe(200);
    expect(res.json.claim).toMatchObject({ assigneeId: ids.contributor, reviewerId: ids.reviewer, priority: "low" });
    expect(res.json.claim.dueAt).toBe(soon);
    await patch("editor", b!.id, { assigneeId: ids.contributor, dueAt: "2000-01-01", priority: "urgent" });
    await patch("editor", c!.id, { assigneeId: ids.contributor, priority: "high" });

    const mine = await list("contributor", "assignee=me");
    expect(mine.status).toBe(200);
    // By deadline: overdue first, then due soon, then none.
    expect(mine.json.claims.map((x: { id: number }) => x.id)).toEqual([b!.id, a!.id, c!.id]);
    expect(mine.json.claims[1]).toMatchObject({ assigneeName: "Chloe Contributor", reviewerName: "Rafael Reviewer" });
    const byPriority = await list("contributor", "assignee=me&sort=priority");
    expect(byPriority.json.claims.map((x: { id: number }) => x.id)).toEqual([b!.id, c!.id, a!.id]);
    expect((await list("editor", "due=overdue")).json.claims.map((x: { id: number }) => x.id)).toEqual([b!.id]);
    expect((await list("editor", "due=soon")).json.claims.map((x: { id: number }) => x.id)).toEqual([a!.id]);
    expect((await list("editor", `assignee=${ids.contributor}&due=soon`)).json.claims).toHaveLength(1);
    const unassigned = (await list("editor", "assignee=none")).json.claims.map((x: { id: number }) => x.id);
    expect(unassigned).not.toContain(a!.id);
    expect(unassigned.length).toBe(open.length - 3);
  });

  it("should refuse bad queries with 422 and anonymous callers with 401", async () => {
    for (const query of ["assignee=someone", "due=later", "assignee=me&sort=alphabet", "status=lost", "due=soon&x=1"]) {
      const res = await list("editor", query);
      expect(res.status, query).toBe(422);
    }
    expect((await list(undefined, "assignee=me")).status).toBe(401);
    const uk = await callRoute(claimsRoute.GET, "GET", "/api/v1/claims?due=later", {
      token: tokens.editor,
      headers: { "accept-language": "uk" },
    });
    expect(uk.json.error.issues).toEqual([{ path: "due", message: "має бути одним із: soon, overdue" }]);
  });

  it("should refuse a contributor assigning someone else (403) and a stale version (409), changing nothing", async () => {
    const [, , , d] = open;
    const before = await tableSnapshot(t.db);
    expect((await patch("contributor", d!.id, { assigneeId: ids.reviewer })).status).toBe(403);
    expect((await patch("editor", d!.id, { assigneeId: ids.reviewer, version: d!.version + 7 })).status).toBe(409);
    const bad = await patch("editor", d!.id, { priority: "whenever" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues).toEqual([{ path: "priority", message: "must be one of low, normal, high, urgent" }]);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });
});

describe("notifications through the API", () => {
  it("should list the caller's notifications, mark them read, and keep preferences", async () => {
    const res = await callRoute(notificationsRoute.GET, "GET", "/api/v1/notifications?unread=true", {
      token: tokens.contributor,
    });
    expect(res.status).toBe(200);
    expect(res.json.unread).toBe(3);
    expect(res.json.items[0]).toMatchObject({ kind: "assigned", readAt: null, message: expect.any(String) });
    const first = res.json.items[0].id;
    const read = await callRoute(readRoute.POST, "POST", "/api/v1/notifications/read", {
      token: tokens.contributor,
      body: { ids: [first] },
    });
    expect(read.json).toEqual({ marked: 1, unread: 2 });
    const all = await callRoute(readRoute.POST, "POST", "/api/v1/notifications/read", {
      token: tokens.contributor,
      body: { all: true },
    });
    expect(all.json).toEqual({ marked: 2, unread: 0 });
    const bad = await callRoute(readRoute.POST, "POST", "/api/v1/notifications/read", {
      token: tokens.contributor,
      body: { all: false },
    });
    expect(bad.status).toBe(422);
    expect(
      (await callRoute(notificationsRoute.GET, "GET", "/api/v1/notifications?limit=500", { token: tokens.editor }))
        .status,
    ).toBe(422);
    expect((await callRoute(notificationsRoute.GET, "GET", "/api/v1/notifications")).status).toBe(401);

    const put = await callRoute(preferencesRoute.PUT, "PUT", "/api/v1/me/notification-preferences", {
      token: tokens.contributor,
      body: { due_soon: "email", overdue: "none" },
    });
    expect(put.status).toBe(200);
    expect(put.json.preferences).toMatchObject({ due_soon: "email", overdue: "none", assigned: "both" });
    const got = await callRoute(preferencesRoute.GET, "GET", "/api/v1/me/notification-preferences", {
      token: tokens.contributor,
    });
    expect(got.json.preferences).toEqual(put.json.preferences);
    const wrong = await callRoute(preferencesRoute.PUT, "PUT", "/api/v1/me/notification-preferences", {
      token: tokens.contributor,
      body: { due_soon: "fax" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.issues[0].path).toBe("due_soon");
  });

  it("should keep claims' assignment out of the public API", async () => {
    const [a] = open;
    const [row] = await t.db.select().from(claims).where(eq(claims.id, a!.id));
    expect(row!.assigneeId).not.toBeNull();
    const published = await list(undefined, "q=");
    expect(JSON.stringify(published.json)).not.toMatch(/assignee|reviewerId|dueAt|priority/);
  });
});
