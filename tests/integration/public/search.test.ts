import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { MATCH_END, MATCH_START, searchPublishedClaims, toFtsQuery } from "@/db/queries/public/search-claims";
import { searchWords } from "@/db/search/full-text";
import { seedDemo } from "@/db/seed";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { queryRow } from "@/db/sql";
import { createTestDb, type TestDb } from "../../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
});
afterAll(async () => {
  await t.close();
});

const countOf = async (f: Parameters<typeof searchPublishedClaims>[0]) => (await searchPublishedClaims(f)).total;

describe("searchPublishedClaims", () => {
  it("should find the Lavrov claim for 'civil', with the matched word marked", async () => {
    const { items, total } = await searchPublishedClaims({ q: "civil" });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ claimantName: "Sergei Lavrov", rating: { label: "False" } });
    expect(items[0]!.snippet).toContain(`${MATCH_START}civilians${MATCH_END}`);
  });

  it("should never return claims whose verdict is in review or a draft", async () => {
    expect(await countOf({ q: "fighters" })).toBe(0); // in review
    expect(await countOf({ q: "injuring" })).toBe(0); // draft
    expect((await searchPublishedClaims({})).items.map((i) => i.rating?.label)).toEqual(["False"]);
  });

  it("should filter by rating, claimant and dispute, and treat query syntax as text", async () => {
    expect(await countOf({ rating: "false" })).toBe(1);
    expect(await countOf({ rating: "true" })).toBe(0);
    expect(await countOf({ claimant: "sergei-lavrov" })).toBe(1);
    expect(await countOf({ claimant: "dmytro-kuleba" })).toBe(0);
    expect(await countOf({ dispute: "mariupol-maternity-hospital-strike" })).toBe(1);
    expect(await countOf({ q: 'civil" OR NEAR(' })).toBe(0);
    expect(toFtsQuery("  — ")).toBeNull();
    expect(searchWords("Zelensky's genocide")).toEqual(["Zelensky", "s", "genocide"]);
  });

  it("should add a claim to the index when its verdict is published, and drop it on retraction", async () => {
    const reviewer = (await queryRow<{ id: number }>(
      t.db,
      sql`select id from users where email = 'editor@claimdesk.test'`,
    ))!.id;
    const inReview = (await queryRow<{ id: number }>(t.db, sql`select id from verdicts where state = 'in_review'`))!.id;
    const version = async () =>
      (await queryRow<{ v: number }>(t.db, sql`select version as v from verdicts where id = ${inReview}`))!.v;
    await transitionVerdict(
      { kind: "user", userId: reviewer },
      { verdictId: inReview, step: "publish", version: await version() },
    );
    expect(await countOf({ q: "fighters" })).toBe(1);
    await transitionVerdict(
      { kind: "user", userId: reviewer },
      { verdictId: inReview, step: "retract", reason: "Wrong hospital.", version: await version() },
    );
    expect(await countOf({ q: "fighters" })).toBe(0);
  });
});
