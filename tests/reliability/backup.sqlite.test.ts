import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "@/lib/cli/main";
import { backupWhileWriting, inspect, quietly, writerTarget, type WriterTarget } from "./support/writes";

/** An online backup of the SQLite file (VACUUM INTO) taken while writes go on, and restored (SQLite only). */
let target: WriterTarget;
beforeAll(async () => {
  target = await writerTarget();
});
afterAll(() => target.t.close());

describe("backup and restore of a SQLite file", () => {
  it("should take an online backup while writes go on, and restore it whole with every write acknowledged before it began", async () => {
    const dir = path.dirname(target.t.file!);
    const backup = path.join(dir, "backup.db");
    const { before } = await backupWhileWriting(target, backup);

    // Restore into a fresh location, as after losing the machine.
    const restored = path.join(dir, "restored", "claimdesk.db");
    expect(await quietly(() => main(["restore", "--from", backup, "--to", restored]))).toBe(0);
    const found = await inspect(`file:${restored}`);
    expect(found.integrity).toBe("ok");
    expect(before.filter((id) => !found.ids.has(id))).toEqual([]);
    // Restoring over a database keeps the one it replaces beside it.
    expect(await quietly(() => main(["restore", "--from", backup, "--to", restored]))).toBe(0);
    expect(fs.readdirSync(path.dirname(restored)).filter((f) => f.includes(".before-restore-"))).toHaveLength(1);
    expect((await inspect(`file:${restored}`)).ids).toEqual(found.ids);
    // A damaged backup is refused and the database left as it was.
    fs.writeFileSync(path.join(dir, "broken.db"), "not a database");
    expect(await quietly(() => main(["restore", "--from", path.join(dir, "broken.db"), "--to", restored]))).not.toBe(0);
    expect((await inspect(`file:${restored}`)).ids).toEqual(found.ids);
  });
});
