import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Database, DB } from "./types";
import { asTransactionOf } from "./nesting";
import { serialize } from "./write-queue.mjs";

export const SQLITE_MIGRATIONS = path.join(process.cwd(), "db", "migrations");

function connect(file: string, opts: { readOnly: boolean }): BetterSqlite3.Database {
  const connection = new BetterSqlite3(file);
  connection.pragma("journal_mode = WAL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("synchronous = NORMAL");
  // The reading connection never writes: a write outside a transaction fails at once instead of waiting for the lock.
  if (opts.readOnly) connection.pragma("query_only = ON");
  return connection;
}

/** How often a long-lived connection lets SQLite refresh the planner's statistics. */
const OPTIMIZE_EVERY_MS = 3_600_000;

/**
 * Keeps the query planner's statistics (`sqlite_stat1`) fresh, as SQLite advises for long-lived connections: analysed
 * at open (bounded by `analysis_limit`, so a few milliseconds even on a large file) and every hour, each time only the
 * tables whose size changed much. Without them the planner cannot tell a selective partial index (the work queue's open
 * claims) from a column that is null in every row, and reads every claim.
 */
function keepStatistics(writer: BetterSqlite3.Database): void {
  const optimize = () => {
    try {
      writer.pragma("analysis_limit = 400");
      writer.pragma("optimize = 0x10002");
    } catch (e) {
      // Busy (another process writing): the next round tries again.
      console.error(`SQLite could not refresh its statistics: ${(e as Error).message}`);
    }
  };
  optimize();
  const timer = setInterval(() => writer.open && optimize(), OPTIMIZE_EVERY_MS);
  timer.unref();
}

/**
 * Opens a SQLite file with two connections: one that reads (WAL: it never sees a transaction before it commits, nor
 * waits for one) and one that writes, one transaction at a time. better-sqlite3 is synchronous; an `await` inside a
 * transaction lets other requests run, and they read through the other connection, so no two requests' statements
 * ever meet inside one transaction.
 */
export function openSqlite(
  file: string,
): Database & { writer: BetterSqlite3.Database; reader: BetterSqlite3.Database } {
  const resolved = path.resolve(file);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const writer = connect(resolved, { readOnly: false });
  keepStatistics(writer);
  const reader = connect(resolved, { readOnly: true });
  const writeDb = drizzle(writer) as unknown as DB;
  return {
    engine: "sqlite",
    url: `file:${file}`,
    label: file,
    db: drizzle(reader) as unknown as DB,
    writer,
    reader,
    transaction<T>(fn: (tx: DB) => Promise<T>): Promise<T> {
      return asTransactionOf(resolved, () =>
        serialize(resolved, async () => {
          writer.exec("BEGIN IMMEDIATE");
          try {
            const result = await fn(writeDb);
            writer.exec("COMMIT");
            return result;
          } catch (e) {
            if (writer.inTransaction) writer.exec("ROLLBACK");
            throw e;
          }
        }),
      );
    },
    async migrate() {
      migrate(drizzle(writer), { migrationsFolder: SQLITE_MIGRATIONS });
    },
    async dataVersion() {
      // Moves when another connection (this process's writer, the CLI, another process) commits.
      return String(reader.pragma("data_version", { simple: true }));
    },
    async close() {
      reader.close();
      writer.close();
    },
  };
}
