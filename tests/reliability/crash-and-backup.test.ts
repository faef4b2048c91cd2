import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, setDatabase } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { seedDemo } from "@/db/seed";
import { main } from "@/lib/cli/main";
import { integrityOf } from "@/lib/cli/backup";
import { queryRow, queryRows } from "@/db/sql";
import { createTestDb, type TestDb } from "../support/db";
import { startWriter } from "./support/processes";

/**
 * A process writing claims through the services is killed with SIGKILL at random moments;
 * after each kill the database must be whole, hold every write it acknowledged, and have no
 * change without its audit event. Then an online backup is taken while writes go on, and
 * restored.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
let t: TestDb;
let writer = { userId: 0, documentId: 0 };
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const user = await queryRow<{ id: number }>(
    t.db,
    sql`select id from users where email = 'contributor@claimdesk.test'`,
  );
  const document = await queryRow<{ id: number }>(t.db, sql`select id from documents limit 1`);
  writer = { userId: user!.id, documentId: document!.id };
});
afterAll(async () => {
  await t.close();
});

/** Collects the ids a writer acknowledged, as they arrive. */
function acknowledgements(child: ChildProcess): { ids: number[]; first: Promise<void> } {
  const ids: number[] = [];
  let buffer = "";
  let resolveFirst: () => void;
  const first = new Promise<void>((r) => (resolveFirst = r));
  child.stdout!.on("data", (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.startsWith("ack ")) ids.push(Number(line.slice(4)));
    if (ids.length > 0) resolveFirst();
  });
  return { ids, first };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()),
  );

/**
 * What fresh connections find in a database: integrity (SQLite's check of the file; PostgreSQL recovers from its own
 * log, with no file of ours to check), the claims present, changes without an audit event.
 */
async function inspect(url: string) {
  const database = openDatabase(url);
  try {
    const ids = new Set((await queryRows<{ id: number }>(database.db, sql`select id from claims`)).map((r) => r.id));
    // The writer creates claims and, for new names, claimants: each with its audit event.
    const unaudited = (await queryRow<{ n: number }>(
      database.db,
      sql`select (select count(*) from claims c where not exists (select 1 from audit_events a where a.entity_type = 'claim' and a.entity_id = c.id and a.action = 'claim.create'))
                + (select count(*) from claimants c where not exists (select 1 from audit_events a where a.entity_type = 'claimant' and a.entity_id = c.id and a.action = 'claimant.create')) as n`,
    ))!.n;
    const file = url.startsWith("file:") ? url.slice("file:".length) : null;
    return { integrity: file ? integrityOf(file) : "ok", ids, unaudited };
  } finally {
    await database.close();
  }
}

describe("a writer killed with SIGKILL", () => {
  it(`should leave a whole database with every acknowledged write and its audit event, ${KILLS} times`, async () => {
    let acknowledged = 0;
    for (let round = 0; round < KILLS; round++) {
      const child = startWriter("write-claims", t.url, writer);
      const acks = acknowledgements(child);
      await acks.first;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 300)); // somewhere in the middle of a write
      child.kill("SIGKILL");
      await exited(child);
      const after = await inspect(t.url);
      expect(after.integrity, `round ${round}`).toBe("ok");
      expect(
        acks.ids.filter((id) => !after.ids.has(id)),
        `round ${round}: acknowledged but missing`,
      ).toEqual([]);
      expect(after.unaudited, `round ${round}: claims without their audit event`).toBe(0);
      acknowledged += acks.ids.length;
    }
    expect(acknowledged).toBeGreaterThan(KILLS);
  });
});

describe.runIf(ENGINE === "sqlite")("backup and restore of a SQLite file", () => {
  it("should take an online backup while writes go on, and restore it whole with every write acknowledged before it began", async () => {
    const dir = path.dirname(t.file!);
    const backup = path.join(dir, "backup.db");
    const { before } = await backupWhileWriting(backup);

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

describe.runIf(ENGINE === "postgres")("backup and restore of a PostgreSQL database (pg_dump, pg_restore)", () => {
  it("should dump while writes go on, and restore the dump whole into another database, refusing one in use", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-dump-"));
    const backup = path.join(dir, "claimdesk.dump");
    const { before } = await backupWhileWriting(backup);
    // Another database, as after losing the server (the test's own stays the process database).
    const fresh = await createTestDb();
    setDatabase(t.database);
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

/** A backup taken by the CLI while a writer goes on: the ids acknowledged before it began. */
async function backupWhileWriting(backup: string): Promise<{ before: number[] }> {
  const child = startWriter("write-claims", t.url, writer);
  const acks = acknowledgements(child);
  await acks.first;
  await new Promise((r) => setTimeout(r, 200));
  const before = [...acks.ids];
  expect(await quietly(() => main(["backup", "--out", backup]))).toBe(0);
  const during = acks.ids.length;
  await new Promise((r) => setTimeout(r, 200));
  child.kill("SIGKILL");
  await exited(child);
  expect(acks.ids.length).toBeGreaterThan(during); // writes went on after the backup
  return { before };
}

/** Runs a CLI command without its output. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    return await fn();
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
