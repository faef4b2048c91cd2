import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { errorCode } from "@/db/errors";
import { execute, queryRow } from "@/db/sql";
import { seedDemo } from "@/db/seed";
import { systemActor } from "@/lib/auth/actor";
import { createClaimant } from "@/lib/services/claimants/create-claimant";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
});
afterAll(async () => {
  await t.close();
});

describe("a claimant's kind", () => {
  it("should be recorded, changed, cleared, and refused when it is neither a person nor an organisation", async () => {
    const actor = systemActor();
    const council = await queryRow<{ kind: string }>(
      t.db,
      sql`select kind from claimants where slug = 'mariupol-city-council'`,
    );
    expect(council!.kind).toBe("organization");
    const c = await createClaimant(actor, { name: "Azovstal Iron and Steel Works", kind: "organization" });
    expect(c.kind).toBe("organization");
    expect((await updateClaimant(actor, { claimantId: c.id, kind: "person" })).kind).toBe("person");
    expect((await updateClaimant(actor, { claimantId: c.id, kind: "" })).kind).toBeNull();
    expect((await updateClaimant(actor, { claimantId: c.id, name: "Azovstal" })).kind).toBeNull(); // not sent: unchanged
    const before = await tableSnapshot(t.db);
    await expect(updateClaimant(actor, { claimantId: c.id, kind: "company" })).rejects.toThrow(
      /kind: must be one of person, organization/,
    );
    // The table's CHECK constraint refuses it too.
    const refused = await t.database
      .transaction((tx) => execute(tx, sql`update claimants set kind = 'company' where id = ${c.id}`))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(errorCode(refused)).toMatch(/^(SQLITE_CONSTRAINT_CHECK|23514)$/); // 23514: PostgreSQL's check_violation
    expect(await tableSnapshot(t.db)).toEqual(before);
  });
});
