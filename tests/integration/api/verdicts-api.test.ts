import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as commentsRoute from "@/app/api/v1/claims/[id]/comments/route";
import * as evidenceRoute from "@/app/api/v1/claims/[id]/evidence/route";
import * as verdictsRoute from "@/app/api/v1/claims/[id]/verdicts/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as stepRoute from "@/app/api/v1/verdicts/[id]/[step]/route";
import * as verdictRoute from "@/app/api/v1/verdicts/[id]/route";
import * as ratingRoute from "@/app/api/v1/rating-scale/[id]/route";
import { cacheInvalidations } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { queryRow } from "@/db/sql";
import { createTestDb, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";

let t: TestDb;
const token = {} as Record<"contributor" | "editor" | "reviewer" | "admin", string>;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  for (const name of ["contributor", "editor", "reviewer", "admin"] as const) {
    const row = await queryRow<{ id: number }>(
      t.db,
      sql`select id from users where email = ${`${name}@claimdesk.test`}`,
    );
    token[name] = (await createApiToken({ kind: "user", userId: row!.id }, { scope: "write" })).token;
  }
});
afterAll(async () => {
  await t.close();
});

const RATIONALE =
  "Lavrov's claim that Putin would be open to meeting Zelensky cannot be checked yet: no meeting had been proposed by the Kremlin on 10 March, and the Kremlin's own statements that week described talks at the level of delegations only.";

describe("a verdict through /api/v1 with a contributor's and an editor's tokens", () => {
  it("should take a claim from draft to published, refusing what the rules refuse", async () => {
    const claimId = (await queryRow<{ id: number }>(
      t.db,
      sql`select id from claims where quote like 'Putin would be open%'`,
    ))!.id;
    const p = { id: String(claimId) };

    const draft = await callRoute(verdictsRoute.POST, "POST", `/api/v1/claims/${claimId}/verdicts`, {
      token: token.contributor,
      params: p,
      body: { rating: "unverifiable", summary: "No meeting had been proposed.", rationale: RATIONALE },
    });
    expect(draft.status).toBe(201);
    const vid = String(draft.json.id);
    const version = async () =>
      (await queryRow<{ v: number }>(t.db, sql`select version as v from verdicts where id = ${Number(vid)}`))!.v;
    const step = async (who: keyof typeof token, name: string, body: object = {}) =>
      callRoute(stepRoute.POST, "POST", `/api/v1/verdicts/${vid}/${name}`, {
        token: token[who],
        params: { id: vid, step: name },
        body: { version: await version(), ...body },
      });

    expect((await step("contributor", "submit")).json.verdict.state).toBe("in_review");

    const byContributor = await step("contributor", "publish");
    expect(byContributor.status).toBe(403);
    expect(byContributor.json.error.message).toBe("Only an editor may publish it.");

    const noEvidence = await step("editor", "publish");
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.json.error.issues).toEqual([
      { path: "publish", message: "at least one evidence item with a URL" },
    ]);

    const changes = await step("editor", "request-changes", { comment: "Link the Kremlin readout." });
    expect(changes.json.verdict.state).toBe("draft");
    expect(
      (
        await callRoute(commentsRoute.POST, "POST", `/api/v1/claims/${claimId}/comments`, {
          token: token.contributor,
          params: p,
          body: { body: "Done." },
        })
      ).status,
    ).toBe(201);

    const ev = await callRoute(evidenceRoute.POST, "POST", `/api/v1/claims/${claimId}/evidence`, {
      token: token.contributor,
      params: p,
      body: {
        url: "http://en.kremlin.ru/events/president/news/67949",
        title: "Kremlin readout",
        sourceType: "official_statement",
        stance: "context",
      },
    });
    expect(ev.status).toBe(201);

    const stale = await callRoute(verdictRoute.PATCH, "PATCH", `/api/v1/verdicts/${vid}`, {
      token: token.contributor,
      params: { id: vid },
      body: { version: 1, summary: "Stale." },
    });
    expect(stale.status).toBe(409);
    await step("contributor", "submit");

    // The editor who wrote nothing publishes; the contributor's own verdict.
    const marks = async () =>
      new Map((await t.db.select().from(cacheInvalidations)).map((m) => [m.tag, m.invalidatedAt]));
    const marked = await marks();
    const published = await step("editor", "publish");
    expect(published.status).toBe(200);
    // The claim's public pages are dropped from every server's cache, so readers see the verdict at once.
    const invalidated = [...(await marks())].filter(([tag, at]) => marked.get(tag) !== at).map(([tag]) => tag);
    for (const page of [
      "/claims/vladimir-putin-would-be-open-to-meeting-volodymyr-zelensky",
      "/claimants/sergei-lavrov",
      "/documents/mariupol-talks-2022-03-10",
    ])
      expect(
        invalidated.filter((tag) => tag.endsWith(page)),
        page,
      ).not.toEqual([]);
    expect(published.json.verdict).toMatchObject({
      state: "published",
      evidenceSnapshot: [expect.objectContaining({ title: "Kremlin readout" })],
    });

    const ownEditor = await callRoute(claimsRoute.POST, "POST", "/api/v1/claims", {
      token: token.editor,
      body: { documentId: 1, revision: 1, start: 0, end: 3, claimant: { name: "Sergei Lavrov" } },
    });
    const own = await callRoute(verdictsRoute.POST, "POST", `/api/v1/claims/${ownEditor.json.id}/verdicts`, {
      token: token.editor,
      params: { id: String(ownEditor.json.id) },
      body: {},
    });
    const ownId = String(own.json.id);
    await callRoute(stepRoute.POST, "POST", `/api/v1/verdicts/${ownId}/submit`, {
      token: token.editor,
      params: { id: ownId, step: "submit" },
      body: { version: 1 },
    });
    const selfPublish = await callRoute(stepRoute.POST, "POST", `/api/v1/verdicts/${ownId}/publish`, {
      token: token.editor,
      params: { id: ownId, step: "publish" },
      body: { version: 2 },
    });
    expect(selfPublish.status).toBe(403);
    expect(selfPublish.json.error.message).toMatch(/second editor/);

    const unknownStep = await step("editor", "approve");
    expect(unknownStep.status).toBe(422);
  });

  it("should refuse to delete a rating in use, naming the verdicts", async () => {
    const id = String((await queryRow<{ id: number }>(t.db, sql`select id from ratings where key = 'false'`))!.id);
    const res = await callRoute(ratingRoute.DELETE, "DELETE", `/api/v1/rating-scale/${id}`, {
      token: token.admin,
      params: { id },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/is used by \d+ verdicts?: “Those killed/);
  });
});
