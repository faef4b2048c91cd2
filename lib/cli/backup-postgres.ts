import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getDatabase } from "@/db/client";
import { engineOf } from "@/db/engine";
import { describePostgresUrl, withClient } from "@/db/engines/postgres";
import { translatorFor } from "@/lib/i18n/catalogue";
import { parseOptions } from "./args";
import { UsageError } from "./errors";
import { cliLocale } from "./locale";

// Backup and restore on PostgreSQL hand over to the server's own tools, pg_dump and pg_restore (Debian's
// postgresql-client; their major version at least the server's): a dump is one consistent snapshot taken while the
// app keeps writing, and a restore replaces everything in one transaction.

/** A dump of the data and schema alone: no owner, no grants (the database it goes back into has its own). */
const DUMP = ["--format=custom", "--no-owner", "--no-privileges"];

/**
 * Runs a PostgreSQL client tool, on the database at `url` when given: its password goes in the environment
 * (PGPASSWORD), never on the command line, where `ps` would show it. Its stderr is the message when it fails.
 */
async function run(tool: string, args: string[], url?: string): Promise<string> {
  const t = await translatorFor(cliLocale());
  const env = { ...process.env };
  if (url) {
    const u = new URL(url);
    if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = "";
    args = [...args, `--dbname=${u.toString()}`];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        new UsageError(
          e.code === "ENOENT"
            ? t("cli.backupPostgres.toolMissing", { tool })
            : t("cli.backupPostgres.toolNotStarted", { tool, error: e.message }),
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(
            new UsageError(
              t("cli.backupPostgres.toolFailed", {
                tool,
                error: stderr.trim() || t("cli.backupPostgres.exitCode", { code: String(code) }),
              }),
            ),
          ),
    );
  });
}

/** The tables `pg_restore --list` finds in a dump, or an error saying why it is not one. */
async function tablesInDump(file: string): Promise<string[]> {
  const list = await run("pg_restore", ["--list", file]);
  return list.split("\n").flatMap((line) => / TABLE public (\S+) /.exec(line)?.slice(1) ?? []);
}

/** `cli backup --out FILE` on PostgreSQL: `pg_dump --format=custom`, then the dump is read back by `pg_restore`. */
export async function backupPostgres(args: string[], out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  const o = parseOptions(args, { out: "string" });
  if (!o.out) throw new UsageError(t("cli.backup.outRequired", { example: "backups/claimdesk-2026-11-25.dump" }));
  const target = path.resolve(o.out);
  if (fs.existsSync(target)) throw new UsageError(t("cli.backup.exists", { file: o.out }));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const started = Date.now();
  const database = getDatabase();
  await run("pg_dump", [...DUMP, `--file=${target}`], database.url);
  const tables = (await tablesInDump(target)).length;
  out(
    t("cli.backupPostgres.done", {
      database: database.label,
      file: o.out,
      megabytes: (fs.statSync(target).size / 1e6).toFixed(1),
      tables,
      ms: String(Date.now() - started),
    }),
  );
}

/** The client sessions on a database other than this one, and its tables. */
function currentState(url: string): Promise<{ clients: number; tables: string[] }> {
  return withClient(url, async (client) => {
    const sessions = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    const tables = await client.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public'",
    );
    return { clients: sessions.rows[0]!.n, tables: tables.rows.map((r) => r.name) };
  });
}

/**
 * `cli restore --from FILE [--to postgres://…]` on PostgreSQL: checks the dump, refuses a database that clients are
 * still connected to or whose schema is newer than the dump's, dumps the current database beside the backup
 * (`FILE.before-restore-<time>`), then replaces it with the backup in one transaction (`pg_restore --clean
 * --single-transaction`): all of it, or nothing.
 */
export async function restorePostgres(args: string[], out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  const o = parseOptions(args, { from: "string", to: "string" });
  if (!o.from) throw new UsageError(t("cli.restore.fromRequired", { example: "backups/claimdesk-2026-11-25.dump" }));
  if (!fs.existsSync(o.from)) throw new UsageError(t("cli.restore.missing", { file: o.from }));
  const from = o.from;
  const tables = await tablesInDump(from).catch((e: unknown) => {
    throw new UsageError(t("cli.backupPostgres.unsound", { file: from, check: (e as Error).message }));
  });
  if (tables.length === 0) throw new UsageError(t("cli.backupPostgres.noTables", { file: o.from }));
  const url = o.to ?? getDatabase().url;
  if (engineOf(url) !== "postgres") throw new UsageError(t("cli.backupPostgres.toNotPostgres"));

  const label = describePostgresUrl(url);
  const now = await currentState(url);
  if (now.clients > 0) throw new UsageError(t("cli.backupPostgres.inUse", { database: label }));
  // pg_restore --clean drops what the dump holds: tables added by later migrations would stay, and clash.
  const newer = now.tables.filter((t) => !tables.includes(t));
  if (newer.length > 0) {
    throw new UsageError(t("cli.backupPostgres.newerSchema", { database: label, tables: newer.join(", ") }));
  }
  let kept = "";
  if (now.tables.length > 0) {
    kept = `${path.resolve(o.from)}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await run("pg_dump", [...DUMP, `--file=${kept}`], url);
  }
  const restore = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", o.from];
  await run("pg_restore", restore, url);
  out(
    kept
      ? t("cli.backupPostgres.restoredKept", { file: o.from, database: label, kept: path.basename(kept) })
      : t("cli.backupPostgres.restored", { file: o.from, database: label }),
  );
}
