import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { EVERY_LIST, pathTags } from "@/db/queries/cache-invalidations";
import { cacheInvalidations } from "@/db/schema";
import { queryRow } from "@/db/sql";
import { seedDemo } from "@/db/seed";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { publishRecordChanges } from "@/lib/services/publication/record-changes";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, type TestDb } from "../../support/db";
import { DEMO, deskOf, publishCorrection, recordOf, startCorrection, submitCorrection } from "./desk";

/**
 * What a write marks in `cache_invalidations` — the kept pages every server stops serving: the pages that showed a
 * public record before the change and those that show it after; nothing for records readers never see, nor for a change
 * to the desk's working copy of a public one (readers see it only once a second editor publishes it).
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
  it("should mark nothing for a published claim's working copy, and its pages before and after a correction moves it to another claimant", async () => {
    const desk = await deskOf(t.db);
    expect(await markedBy(() => startCorrection(t.db, desk.editor, DEMO.claim))).toEqual([]);
    const claim = await claimBySlug(DEMO.claim);
    expect(
      await markedBy(() =>
        updateClaim(desk.editor, { claimId: claim.id, version: claim.version, claimant: { name: "Someone Else" } }),
      ),
    ).toEqual([]);
    expect(await markedBy(() => submitCorrection(t.db, desk.editor, DEMO.claim))).toEqual([]);
    const tags = await markedBy(() => publishCorrection(t.db, desk.reviewer, DEMO.claim));
    expect(tags).toEqual(
      expect.arrayContaining([
        // Every locale's page: the default locale's is under its locale inside the app, as Next tags it.
        `_N_T_/en/claims/${DEMO.claim}`,
        `_N_T_/uk/claims/${DEMO.claim}`,
        ...pathTags(`/claimants/${DEMO.claimant}`),
        ...pathTags("/claimants/someone-else"),
        ...pathTags(`/documents/${DEMO.document}`),
        ...pathTags(`/disputes/${DEMO.dispute}`),
        EVERY_LIST,
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

  it("should mark every page of a renamed claimant's published claims when the new name is published", async () => {
    const desk = await deskOf(t.db);
    const lavrov = await recordOf(t.db, "claimant", DEMO.claimant);
    expect(
      await markedBy(() =>
        updateClaimant(desk.editor, { claimantId: lavrov.id, version: lavrov.version, name: "Sergey Lavrov" }),
      ),
    ).toEqual([]);
    const renamed = await recordOf(t.db, "claimant", DEMO.claimant);
    const tags = await markedBy(() => publishRecordChanges(desk.reviewer, { kind: "claimant", ...renamed }));
    expect(tags).toEqual(expect.arrayContaining(pathTags(`/claims/${DEMO.claim}`)));
    expect(tags).toEqual(expect.arrayContaining(pathTags(`/claimants/${DEMO.claimant}`)));
    expect(tags).toContain(EVERY_LIST);
  });

  it("should mark the pages naming a renamed author or reviewer", async () => {
    const editor = (await queryRow<{ id: number; version: number }>(
      t.db,
      sql`select id, version from users where email = 'editor@claimdesk.test'`,
    ))!;
    const tags = await markedBy(() =>
      updateUser(admin, { userId: editor.id, version: editor.version, name: "Editor Renamed" }),
    );
    expect(tags).toEqual(
      expect.arrayContaining(pathTags("/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were")),
    );
    // A role change names no one on a public page.
    const again = (await queryRow<{ version: number }>(t.db, sql`select version from users where id = ${editor.id}`))!;
    expect(
      await markedBy(() => updateUser(admin, { userId: editor.id, version: again.version, role: "admin" })),
    ).toEqual([]);
  });
});
