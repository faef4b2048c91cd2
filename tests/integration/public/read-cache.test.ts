import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import Database from "better-sqlite3";
import { untilDataChanges } from "@/db/queries/read-cache";
import { createTestDb } from "../../support/db";

let t: ReturnType<typeof createTestDb>;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.close());

describe("untilDataChanges", () => {
  it("should keep a read until this connection or another one commits", () => {
    let reads = 0;
    const read = () => untilDataChanges("k", () => ++reads);
    expect([read(), read()]).toEqual([1, 1]);
    t.db.run(sql`insert into claimants (slug, name) values ('a', 'A')`); // this connection writes
    expect(read()).toBe(2);
    const other = new Database(t.file); // another process would be another connection
    other.prepare("insert into claimants (slug, name) values ('b', 'B')").run();
    other.close();
    expect(read()).toBe(3);
    expect(read()).toBe(3);
  });
});
