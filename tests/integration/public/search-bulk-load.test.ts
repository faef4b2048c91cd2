import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import { searchPublishedClaims } from "@/lib/search/search-published-claims";
import { createTestDb, type TestDb } from "../../support/db";
import { DEMO } from "./desk";

// A bulk load (the demo loaded into a running desk) names no claims: it marks every public page. A server whose search
// index was built before must read everything again, not only the claims whose pages were marked.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("the public search after a bulk load", () => {
  it("should find the demo's claims once the demo is loaded into a desk whose index was already built", async () => {
    expect((await searchPublishedClaims({ q: "maternity hospital" })).total).toBe(0);
    await seedDemo(t.db);
    const found = await searchPublishedClaims({ q: "maternity hospital" });
    expect(found.items.map((i) => i.slug)).toContain(DEMO.claim);
  });

  it("should find nothing for a rating or claimant that is not there", async () => {
    expect((await searchPublishedClaims({ q: "civilians" })).total).toBeGreaterThan(0);
    expect((await searchPublishedClaims({ q: "civilians", rating: "no-such-rating" })).total).toBe(0);
    expect((await searchPublishedClaims({ q: "civilians", claimant: "no-such-claimant" })).total).toBe(0);
  });
});
