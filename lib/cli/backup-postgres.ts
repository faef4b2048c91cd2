import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { getDatabase } from "@/db/client";
import { describePostgresUrl } from "@/db/engines/postgres";
import { parseOptions } from "./args";
import { UsageError } from "./errors";

// Backup and restore on PostgreSQL hand over to the server's own tools, pg_dump and pg_restore (Debian's
// postgresql-client; their major version at least the server's): a dump is one consistent snapshot taken while the
// app keeps writing, and a restore replaces everything in one transaction.

/** Runs a PostgreSQL client tool; its stderr is the message when it fails. */
function run(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        new UsageError(
          e.code === "ENOENT"
            ? `${tool} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`
            : `${tool} failed to start: ${e.message}`,
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new UsageError(`${tool} failed: ${stderr.trim() || `exit ${code}`}`)),
    );
  });
}

/** The number of tables `pg_restore --list` finds in a dump, or an error saying why it is not one. */
async function tablesInDump(file: string): Promise<number> {
  const list = await run("pg_restore", ["--list", file]);
  return list.split("\n").filter((line) => / TABLE public /.test(line)).length;
}

/** `cli backup --out FILE` on PostgreSQL: `pg_dump --format=custom`, then the dump is read back by `pg_restore`. */
export async function backupPostgres(args: string[], out: (line: string) => void): Promise<void> {
  const o = parseOptions(args, { out: "string" });
  if (!o.out) throw new UsageError("--out is required (e.g. backup --out backups/claimdesk-2026-11-25.dump)");
  const target = path.resolve(o.out);
  if (fs.existsSync(target)) throw new UsageError(`${o.out} exists already; choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const started = Date.now();
  const database = getDatabase();
  await run("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, `--dbname=${database.url}`]);
  const tables = await tablesInDump(target);
  out(
    `Backed up ${database.label} to ${o.out} (${(fs.statSync(target).size / 1e6).toFixed(1)} MB, ` +
      `${tables} tables, ${Date.now() - started} ms; pg_restore reads it back).`,
  );
}

/**
 * `cli restore --from FILE [--to postgres://…]` on PostgreSQL: checks the dump, refuses a database that servers are
 * still connected to, dumps the current database beside the backup (`FILE.before-restore-<time>`), then replaces
 * it with the backup in one transaction (`pg_restore --clean --single-transaction`): all of it, or nothing.
 */
export async function restorePostgres(args: string[], out: (line: string) => void): Promise<void> {
  const o = parseOptions(args, { from: "string", to: "string" });
  if (!o.from) throw new UsageError("--from is required (e.g. restore --from backups/claimdesk-2026-11-25.dump)");
  if (!fs.existsSync(o.from)) throw new UsageError(`${o.from} does not exist`);
  const tables = await tablesInDump(o.from).catch((e: unknown) => {
    throw new UsageError(`${o.from} is not a sound Claimdesk dump, nothing restored: ${(e as Error).message}`);
  });
  if (tables === 0) throw new UsageError(`${o.from} holds no tables, nothing restored`);
  const url = o.to ?? getDatabase().url;
  if (!/^postgres(ql)?:\/\//i.test(url)) throw new UsageError("--to must be a postgres:// URL on PostgreSQL");

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let inUse: number;
  let existing: number;
  try {
    inUse = Number(
      (
        await client.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        )
      ).rows[0]!.n,
    );
    existing = Number(
      (await client.query<{ n: string }>("select count(*) as n from pg_tables where schemaname = 'public'")).rows[0]!.n,
    );
  } finally {
    await client.end();
  }
  const label = describePostgresUrl(url);
  if (inUse > 0) throw new UsageError(`${label} is in use: stop the servers (and any other client), then restore`);
  let kept = "";
  if (existing > 0) {
    kept = `${path.resolve(o.from)}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${kept}`, `--dbname=${url}`]);
  }
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${url}`, o.from]);
  out(`Restored ${o.from} into ${label}${kept ? ` (the previous content is kept as ${path.basename(kept)})` : ""}.`);
}
