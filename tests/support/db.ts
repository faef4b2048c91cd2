import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, setDb, type DB } from "@/db/client";
import { users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";

/** A fresh SQLite file in a temp folder with the real migrations, installed as the process database. */
export function createTestDb(): { db: DB; file: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  setDb(db);
  return {
    db,
    file,
    close: () => {
      setDb(undefined);
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
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
  const row = db
    .insert(users)
    .values({
      email,
      name: email.split("@")[0]!,
      role,
      passwordHash: await cachedHash,
      disabledAt: opts.disabled ? new Date() : null,
    })
    .returning({ id: users.id })
    .get();
  return { kind: "user", userId: row.id };
}

// Bookkeeping that any authenticated request may touch, refused or not.
const VOLATILE: Record<string, string[]> = { api_tokens: ["last_used_at"] };

/**
 * Every table's row count and a hash of its whole content, to prove that a refused call
 * changed nothing (an UPDATE leaves the count alone but not the hash).
 */
export function tableSnapshot(db: DB): Record<string, { rows: number; hash: string }> {
  const tables = db.all<{ name: string }>(
    // FTS5's shadow tables (claim_search_data, …) are covered by claim_search itself.
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not glob 'claim_search_*' order by name`,
  );
  return Object.fromEntries(
    tables.map(({ name }) => {
      const rows = db.all<Record<string, unknown>>(sql.raw(`select * from "${name}" order by rowid`));
      for (const row of rows) for (const column of VOLATILE[name] ?? []) delete row[column];
      return [name, { rows: rows.length, hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex") }];
    }),
  );
}
