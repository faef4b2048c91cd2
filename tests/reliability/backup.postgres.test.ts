import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { main } from "@/lib/cli/main";
import { createTestDb } from "../support/db";
import { backupWhileWriting, inspect, quietly, writerTarget, type WriterTarget } from "./support/writes";

/** A dump of the PostgreSQL database (pg_dump) taken while writes go on, and restored (pg_restore; PostgreSQL only). */
let target: WriterTarget;
beforeAll(async () => {
  target = await writerTarget();
});
afterAll(() => target.t.close());

describe("backup and restore of a PostgreSQL database (pg_dump, pg_restore)", () => {
  it("should dump while writes go on, and restore the dump whole into another database, refusing one in use", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-dump-"));
    const backup = path.join(dir, "claimdesk.dump");
    const { before } = await backupWhileWriting(target, backup);
    // Another database, as after losing the server (the test's own stays the process database).
    const fresh = await createTestDb();
    setDatabase(target.t.database);
    try {
      // The database the test process holds open is in use: refused, nothing restored.
      expect(await quietly(() => main(["restore", "--from", backup, "--to", fresh.url]))).not.toBe(0);
      await fresh.database.close();

      expect(await quietly(() => main(["restore", "--from", backup, "--to", fresh.url]))).toBe(0);
      const found = await inspect(fresh.url);
      expect(found.unaudited).toBe(0);
      expect(before.filter((id) => !found.ids.has(id))).toEqual([]);
      // What the restore replaced is kept beside the dump.
      expect(fs.readdirSync(dir).filter((f) => f.includes(".before-restore-"))).toHaveLength(1);
      // A damaged dump is refused and the database left as it was.
      fs.writeFileSync(path.join(dir, "broken.dump"), "not a dump");
      expect(
        await quietly(() => main(["restore", "--from", path.join(dir, "broken.dump"), "--to", fresh.url])),
      ).not.toBe(0);
      expect((await inspect(fresh.url)).ids).toEqual(found.ids);
    } finally {
      await fresh.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
