import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { cacheInvalidations } from "@/db/schema";
import { queryRow } from "@/db/sql";
import { seedDemo } from "@/db/seed";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, type TestDb } from "../../support/db";

/**
 * What a write marks in `cache_invalidations` — the kept pages every server stops serving: the pages that showed a
 * public record before the change and those that show it after; nothing for records readers never see.
 */
let t: TestDb;
let admin: { kind: "user"; userId: number };
beforeEach(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const row = await queryRow<{ id: number }>(t.db, sql`select id from users where email = 'admin@claimdesk.test'`);
  admin = { kind: "user", userId: row!.id };
});
afterEach(async () => {
  await t.close();
});

/** The tags a write marked (new, or marked again). */
async function markedBy(write: () => Promise<unknown>): Promise<string[]> {
  const before = new Map((await t.db.select().from(cacheInvalidations)).map((m) => [m.tag, m.invalidatedAt]));
  await new Promise((r) => setTimeout(r, 5)); // the database's clock moves on
  await write();
  return (await t.db.select().from(cacheInvalidations))
    .filter((m) => before.get(m.tag) !== m.invalidatedAt)
    .map((m) => m.tag)
    .sort();
}

const claimBySlug = async (slug: string) =>
  (await queryRow<{ id: number; version: number }>(t.db, sql`select id, version from claims where slug = ${slug}`))!;

describe("cache invalidation", () => {
  it("should mark a published claim's pages before and after it moves to another claimant, and every list", async () => {
    const claim = await claimBySlug("those-killed-in-the-mariupol-maternity-hospital-strike-were");
    const tags = await markedBy(() =>
      updateClaim(admin, { claimId: claim.id, version: claim.version, claimant: { name: "Someone Else" } }),
    );
    expect(tags).toEqual(
      expect.arrayContaining([
        "_N_T_/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were",
        "_N_T_/claimants/sergei-lavrov",
        "_N_T_/claimants/someone-else",
        "_N_T_/documents/mariupol-talks-2022-03-10",
        "_N_T_/disputes/mariupol-maternity-hospital-strike",
        "_N_T_/(public)/claims/list/[filters]/page",
      ]),
    );
  });

  it("should mark nothing for a claim readers have never seen", async () => {
    const claim = await claimBySlug("the-strike-destroyed-the-mariupol-maternity-hospital");
    const tags = await markedBy(() =>
      updateClaim(admin, { claimId: claim.id, version: claim.version, statement: "A draft's statement, reworded." }),
    );
    expect(tags).toEqual([]);
  });

  it("should mark every page of a renamed claimant's published claims", async () => {
    const lavrov = (await queryRow<{ id: number; version: number }>(
      t.db,
      sql`select id, version from claimants where slug = 'sergei-lavrov'`,
    ))!;
    const tags = await markedBy(() =>
      updateClaimant(admin, { claimantId: lavrov.id, version: lavrov.version, name: "Sergey Lavrov" }),
    );
    expect(tags).toContain("_N_T_/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were");
    expect(tags).toContain("_N_T_/claimants/sergei-lavrov");
  });

  it("should mark the pages naming a renamed author or reviewer", async () => {
    const editor = (await queryRow<{ id: number; version: number }>(
      t.db,
      sql`select id, version from users where email = 'editor@claimdesk.test'`,
    ))!;
    const tags = await markedBy(() =>
      updateUser(admin, { userId: editor.id, version: editor.version, name: "Editor Renamed" }),
    );
    expect(tags).toContain("_N_T_/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were");
    // A role change names no one on a public page.
    const again = (await queryRow<{ version: number }>(t.db, sql`select version from users where id = ${editor.id}`))!;
    expect(
      await markedBy(() => updateUser(admin, { userId: editor.id, version: again.version, role: "admin" })),
    ).toEqual([]);
  });
});
