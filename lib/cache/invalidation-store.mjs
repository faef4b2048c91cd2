// Plain JavaScript: loaded by Next's cache handler, which Node imports without a build. The app writes the same
// table through drizzle (lib/cache/public-invalidation.ts).
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { serialize } from "../../db/engines/write-queue.mjs";

/**
 * @typedef {object} InvalidationStore
 * @property {(tags: string[]) => Promise<{ now: number, invalidatedAt: number }>} check
 *   The database's clock (ms) and the latest invalidation of any of these tags (0 if none).
 * @property {(tags: string[]) => Promise<void>} invalidate Marks these tags invalidated now.
 * @property {() => Promise<void>} close
 */

/**
 * The `cache_invalidations` table of the database DATABASE_URL names, shared by every server on it. Times are the
 * database's clock, so that servers whose clocks differ still agree on what came first.
 *
 * @param {string | undefined} url
 * @returns {InvalidationStore}
 */
export function openInvalidationStore(url) {
  return /^postgres(ql)?:\/\//i.test(url ?? "") ? postgresStore(url) : sqliteStore(url || "file:data/claimdesk.db");
}

/**
 * The process's store of the database DATABASE_URL names, opened at first use and shared by whatever checks kept pages
 * in this process (Next's cache handler, the kept searches in front of Next): one connection, or one small pool.
 *
 * @returns {InvalidationStore}
 */
export function processInvalidationStore() {
  const holder = /** @type {{ __claimdeskInvalidationStore?: InvalidationStore }} */ (globalThis);
  return (holder.__claimdeskInvalidationStore ??= openInvalidationStore(process.env.DATABASE_URL));
}

/** @param {string} url @returns {InvalidationStore} */
function postgresStore(url) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", (e) => console.error(`PostgreSQL connection error (page cache): ${e.message}`));
  const NOW = "(extract(epoch from clock_timestamp()) * 1000)::bigint";
  return {
    async check(tags) {
      const { rows } = await pool.query(
        `select ${NOW}::text as now,
           coalesce((select max(invalidated_at) from cache_invalidations where tag = any($1::text[])), 0)::text as at`,
        [tags],
      );
      return { now: Number(rows[0].now), invalidatedAt: Number(rows[0].at) };
    },
    async invalidate(tags) {
      if (tags.length === 0) return;
      await pool.query(
        `insert into cache_invalidations (tag, invalidated_at) select unnest($1::text[]), ${NOW}
         on conflict (tag) do update set invalidated_at = excluded.invalidated_at`,
        [[...new Set(tags)]],
      );
    },
    close: () => pool.end(),
  };
}

/** @param {string} url @returns {InvalidationStore} */
function sqliteStore(url) {
  const file = path.resolve(url.replace(/^file:/, ""));
  const db = new BetterSqlite3(file);
  db.pragma("busy_timeout = 5000");
  const NOW = "cast(unixepoch('subsec') * 1000 as integer)";
  const check = db.prepare(
    `select ${NOW} as now,
       coalesce((select max(invalidated_at) from cache_invalidations where tag in (select value from json_each(?))), 0) as at`,
  );
  const upsert = db.prepare(
    `insert into cache_invalidations (tag, invalidated_at) select value, ${NOW} from json_each(?) where true
     on conflict (tag) do update set invalidated_at = excluded.invalidated_at`,
  );
  return {
    async check(tags) {
      const row = /** @type {{ now: number, at: number }} */ (check.get(JSON.stringify(tags)));
      return { now: row.now, invalidatedAt: row.at };
    },
    // Through the process's write queue: never while one of the app's transactions holds the file.
    invalidate: (tags) =>
      tags.length === 0
        ? Promise.resolve()
        : serialize(file, async () => void upsert.run(JSON.stringify([...new Set(tags)]))),
    close: async () => void db.close(),
  };
}
