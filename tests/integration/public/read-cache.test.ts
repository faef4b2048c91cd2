import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { untilDataChanges } from "@/db/queries/read-cache";
import { execute } from "@/db/sql";
import { createTestDb, type TestDb } from "../../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("untilDataChanges", () => {
  it("should keep a read until this connection or another one commits", async () => {
    let reads = 0;
    const read = () => untilDataChanges("k", async () => ++reads);
    expect([await read(), await read()]).toEqual([1, 1]);
    // This process's database writes.
    await t.database.transaction((tx) => execute(tx, sql`insert into claimants (slug, name) values ('a', 'A')`));
    expect(await read()).toBe(2);
    // Another connection writes (another process, or another server, would be another connection).
    const other = openDatabase(t.url);
    try {
      await other.transaction((tx) => execute(tx, sql`insert into claimants (slug, name) values ('b', 'B')`));
    } finally {
      await other.close();
    }
    expect(await read()).toBe(3);
    expect(await read()).toBe(3);
  });
});
