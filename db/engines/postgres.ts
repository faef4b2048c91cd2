import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { errorCode } from "../errors";
import { asTransactionOf } from "./nesting";
import type { Database, DB, TransactionOptions } from "./types";

export const POSTGRES_MIGRATIONS = path.join(process.cwd(), "db", "migrations-pg");

// Counts and millisecond instants are `bigint`: read them as numbers, as SQLite gives them (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** serialization_failure and deadlock_detected: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 12;
/** Any fixed number: the advisory lock that lets one starting server migrate while the others wait. */
const MIGRATION_LOCK = 727_001;

/** `postgres://user@host:port/db`, without the password. */
export function describePostgresUrl(url: string): string {
  const u = new URL(url);
  return `postgres://${u.username ? `${decodeURIComponent(u.username)}@` : ""}${u.host}${u.pathname}`;
}

/**
 * Opens a pool of connections to a PostgreSQL database. Write transactions are SERIALIZABLE, so a check followed by a
 * write (a version, a unique slug, the two-person rule) holds under concurrent requests as it does on SQLite; when the
 * server refuses to serialise one, it runs again after a short random pause.
 */
export function openPostgres(url: string, opts: { poolSize?: number } = {}): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle connection that the server drops must not take the process with it.
  pool.on("error", (e) => console.error(`PostgreSQL connection error: ${e.message}`));
  const db = drizzle(pool);
  return {
    engine: "postgres",
    url,
    label: describePostgresUrl(url),
    db: db as unknown as DB,
    pool,
    transaction<T>(fn: (tx: DB) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
      const isolationLevel = opts.readCommitted ? "read committed" : "serializable";
      return asTransactionOf(pool, async () => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await db.transaction((tx) => fn(tx as unknown as DB), { isolationLevel });
          } catch (e) {
            if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(errorCode(e) ?? "")) throw e;
            await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
          }
        }
      });
    },
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migrate(drizzle(client), { migrationsFolder: POSTGRES_MIGRATIONS });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    async dataVersion() {
      // The set of committed transactions this statement sees: it changes with every commit of a write, here or on
      // another server, and what is read after it is at least that new.
      const { rows } = await pool.query<{ v: string }>("select pg_current_snapshot()::text as v");
      return rows[0]!.v;
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Drops a database once nobody uses it, waiting up to 5 s for the last sessions to go (PostgreSQL ends autovacuum
 * there itself). `WITH (FORCE)` is not used: ending an autovacuum worker needs a superuser's rights.
 */
export async function dropDatabase(client: pg.ClientBase, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`drop database if exists "${name.replace(/"/g, '""')}"`);
      return;
    } catch (e) {
      if (errorCode(e) !== "55006" || attempt >= 50) throw e; // object_in_use
      await sleep(100);
    }
  }
}

/** Runs `work` on a connection of its own to the database at `url` (to create or drop databases), then ends it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
