import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, setDatabase, type Database, type DB } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { dropDatabase, withClient } from "@/db/engines/postgres";
import { queryRows } from "@/db/sql";
import { users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";

export type TestDb = {
  database: Database;
  /** The query builder for fixtures and checks (reads outside a transaction). */
  db: DB;
  /** DATABASE_URL of this database, for child processes. */
  url: string;
  /** The SQLite file; null on PostgreSQL. */
  file: string | null;
  close: () => Promise<void>;
};

/**
 * A fresh database with the real migrations, installed as the process database: a SQLite file in a temp folder, or,
 * when the suite runs on PostgreSQL (DATABASE_URL is postgres://…), a new database on that server, dropped at close.
 */
export async function createTestDb(): Promise<TestDb> {
  return ENGINE === "postgres" ? createPostgresDb() : createSqliteDb();
}

async function createSqliteDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  const database = openDatabase(url);
  await database.migrate();
  setDatabase(database);
  return {
    database,
    db: database.db,
    url,
    file,
    close: async () => {
      setDatabase(undefined);
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Works on the server's maintenance connection (creating and dropping test databases). */
const onServer = <T>(work: (client: pg.Client) => Promise<T>) => withClient(process.env.DATABASE_URL!, work);

async function createPostgresDb(): Promise<TestDb> {
  const name = `claimdesk_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer((c) => c.query(`create database "${name}"`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  await database.migrate();
  setDatabase(database);
  return {
    database,
    db: database.db,
    url: url.toString(),
    file: null,
    close: async () => {
      setDatabase(undefined);
      await database.close();
      await onServer((c) => dropDatabase(c, name));
    },
  };
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

/** Inserts a user directly (fixtures only; the code under test goes through services). */
export async function insertUser(
  db: DB,
  email: string,
  role: Role,
  opts: { disabled?: boolean } = {},
): Promise<Actor & { userId: number }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: email.split("@")[0]!,
      role,
      passwordHash: await cachedHash,
      disabledAt: opts.disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  return { kind: "user", userId: row!.id };
}

// Bookkeeping that any authenticated request may touch, refused or not.
const VOLATILE: Record<string, string[]> = { api_tokens: ["last_used_at"], cache_invalidations: ["invalidated_at"] };

/** The tables holding the data (not the migrations' bookkeeping). */
async function tableNames(db: DB): Promise<string[]> {
  const rows =
    ENGINE === "postgres"
      ? await queryRows<{ name: string }>(
          db,
          sql`select table_name as name from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
        )
      : await queryRows<{ name: string }>(
          db,
          sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
              and name not like '__drizzle%' order by name`,
        );
  return rows.map((r) => r.name);
}

/**
 * Every table's row count and a hash of its whole content, to prove that a refused call
 * changed nothing (an UPDATE leaves the count alone but not the hash).
 */
export async function tableSnapshot(db: DB): Promise<Record<string, { rows: number; hash: string }>> {
  const snapshot: Record<string, { rows: number; hash: string }> = {};
  for (const name of await tableNames(db)) {
    const order = ENGINE === "sqlite" ? "rowid" : "1";
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(`select * from "${name}" order by ${order}`));
    for (const row of rows) for (const column of VOLATILE[name] ?? []) delete row[column];
    snapshot[name] = { rows: rows.length, hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex") };
  }
  return snapshot;
}
