import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import { systemActor } from "@/lib/auth/actor";
import { createClaimant } from "@/lib/services/claimants/create-claimant";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { createTestDb, tableSnapshot } from "../../support/db";

let t: ReturnType<typeof createTestDb>;
beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db);
});
afterAll(() => t.close());

describe("a claimant's kind", () => {
  it("should be recorded, changed, cleared, and refused when it is neither a person nor an organisation", () => {
    const actor = systemActor();
    expect(t.db.get<{ kind: string }>(sql`select kind from claimants where slug = 'mariupol-city-council'`)!.kind).toBe(
      "organization",
    );
    const c = createClaimant(actor, { name: "Azovstal Iron and Steel Works", kind: "organization" });
    expect(c.kind).toBe("organization");
    expect(updateClaimant(actor, { claimantId: c.id, kind: "person" }).kind).toBe("person");
    expect(updateClaimant(actor, { claimantId: c.id, kind: "" }).kind).toBeNull();
    expect(updateClaimant(actor, { claimantId: c.id, name: "Azovstal" }).kind).toBeNull(); // not sent: unchanged
    const before = tableSnapshot(t.db);
    expect(() => updateClaimant(actor, { claimantId: c.id, kind: "company" })).toThrow(
      /kind: must be one of person, organization/,
    );
    expect(() => t.db.$client.prepare("update claimants set kind = 'company' where id = ?").run(c.id)).toThrow(
      /CHECK constraint failed/,
    );
    expect(tableSnapshot(t.db)).toEqual(before);
  });
});
