import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { MATCH_END, MATCH_START, searchPublishedClaims, toFtsQuery } from "@/db/queries/public/search-claims";
import { seedDemo } from "@/db/seed";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { createTestDb } from "../../support/db";

let t: ReturnType<typeof createTestDb>;
beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db);
});
afterAll(() => t.close());

describe("searchPublishedClaims", () => {
  it("should find the Lavrov claim for 'civil', with the matched word marked", () => {
    const { items, total } = searchPublishedClaims({ q: "civil" });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ claimantName: "Sergei Lavrov", ratingLabel: "False" });
    expect(items[0]!.snippet).toContain(`${MATCH_START}civilians${MATCH_END}`);
  });

  it("should never return claims whose verdict is in review or a draft", () => {
    expect(searchPublishedClaims({ q: "fighters" }).total).toBe(0); // in review
    expect(searchPublishedClaims({ q: "injuring" }).total).toBe(0); // draft
    expect(searchPublishedClaims({}).items.map((i) => i.ratingLabel)).toEqual(["False"]);
  });

  it("should filter by rating, claimant and dispute, and treat query syntax as text", () => {
    expect(searchPublishedClaims({ rating: "false" }).total).toBe(1);
    expect(searchPublishedClaims({ rating: "true" }).total).toBe(0);
    expect(searchPublishedClaims({ claimant: "sergei-lavrov" }).total).toBe(1);
    expect(searchPublishedClaims({ claimant: "dmytro-kuleba" }).total).toBe(0);
    expect(searchPublishedClaims({ dispute: "mariupol-maternity-hospital-strike" }).total).toBe(1);
    expect(searchPublishedClaims({ q: 'civil" OR NEAR(' }).total).toBe(0);
    expect(toFtsQuery("  — ")).toBeNull();
    expect(toFtsQuery("Zelensky's genocide")).toBe('"Zelensky"* "s"* "genocide"*');
  });

  it("should add a claim to the index when its verdict is published, and drop it on retraction", () => {
    const reviewer = t.db.get<{ id: number }>(sql`select id from users where email = 'editor@claimdesk.test'`)!.id;
    const inReview = t.db.get<{ id: number }>(sql`select id from verdicts where state = 'in_review'`)!.id;
    const version = () => t.db.get<{ v: number }>(sql`select version as v from verdicts where id = ${inReview}`)!.v;
    transitionVerdict({ kind: "user", userId: reviewer }, { verdictId: inReview, step: "publish", version: version() });
    expect(searchPublishedClaims({ q: "fighters" }).total).toBe(1);
    transitionVerdict(
      { kind: "user", userId: reviewer },
      { verdictId: inReview, step: "retract", reason: "Wrong hospital.", version: version() },
    );
    expect(searchPublishedClaims({ q: "fighters" }).total).toBe(0);
  });
});
