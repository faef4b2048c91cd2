import type { ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { expect, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { queryRow, queryRows } from "@/db/sql";
import { integrityOf } from "@/lib/cli/backup";
import { main } from "@/lib/cli/main";
import { createTestDb, type TestDb } from "../../support/db";
import { startWriter } from "./processes";

/** What a writer process needs: a test database with the demo data, a contributor and a document to write to. */
export type WriterTarget = { t: TestDb; writer: { userId: number; documentId: number } };

/** A fresh database with the demo data, and what a writer writes with. */
export async function writerTarget(): Promise<WriterTarget> {
  const t = await createTestDb();
  await seedDemo(t.db);
  const user = await queryRow<{ id: number }>(
    t.db,
    sql`select id from users where email = 'contributor@claimdesk.test'`,
  );
  const document = await queryRow<{ id: number }>(t.db, sql`select id from documents limit 1`);
  return { t, writer: { userId: user!.id, documentId: document!.id } };
}

/** Collects the ids a writer acknowledged, as they arrive. */
export function acknowledgements(child: ChildProcess): { ids: number[]; first: Promise<void> } {
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

export const exited = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()),
  );

/**
 * What fresh connections find in a database: integrity (SQLite's check of the file; PostgreSQL recovers from its own
 * log, with no file of ours to check), the claims present, changes without an audit event.
 */
export async function inspect(url: string) {
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

/** A backup taken by the CLI while a writer goes on: the ids acknowledged before it began. */
export async function backupWhileWriting({ t, writer }: WriterTarget, backup: string): Promise<{ before: number[] }> {
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
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    return await fn();
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
