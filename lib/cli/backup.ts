import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getDatabase } from "@/db/client";
import { databaseUrl, ENGINE, sqliteFileOf } from "@/db/engine";
import { translatorFor } from "@/lib/i18n/catalogue";
import { parseOptions } from "./args";
import { UsageError } from "./errors";
import { backupPostgres, restorePostgres } from "./backup-postgres";
import { cliLocale } from "./locale";

/** The process database's SQLite file. */
function processSqliteFile(): string {
  return sqliteFileOf(getDatabase().url);
}

/** `PRAGMA integrity_check` of a database file, opened read-only: "ok" or the problems found. */
export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

/**
 * `cli backup --out FILE`: an online backup while the app keeps writing. On PostgreSQL, `pg_dump`'s (see
 * backup-postgres.ts); on SQLite, `VACUUM INTO`
 * copies the database as it stood when the backup began (one read transaction: WAL lets
 * writers go on meanwhile), into a fresh, compact file; it is then checked.
 */
export async function runBackupCommand(args: string[], out: (line: string) => void): Promise<void> {
  if (ENGINE === "postgres") return backupPostgres(args, out);
  const t = await translatorFor(cliLocale());
  const o = parseOptions(args, { out: "string" });
  if (!o.out) throw new UsageError(t("cli.backup.outRequired", { example: "backups/claimdesk-2026-11-25.db" }));
  const target = path.resolve(o.out);
  if (fs.existsSync(target)) throw new UsageError(t("cli.backup.exists", { file: o.out }));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const started = Date.now();
  // A connection of its own to the process database's file: its one read transaction does not hold up the app's writes.
  const source = new Database(processSqliteFile(), { readonly: true, fileMustExist: true });
  try {
    source.prepare("vacuum into ?").run(target);
  } finally {
    source.close();
  }
  const check = integrityOf(target);
  if (check !== "ok") throw new UsageError(t("cli.backup.integrityFailed", { check }));
  out(
    t("cli.backup.done", {
      file: o.out,
      megabytes: (fs.statSync(target).size / 1e6).toFixed(1),
      ms: String(Date.now() - started),
    }),
  );
}

/**
 * `cli restore --from FILE [--to DB]` (on PostgreSQL, `pg_restore`'s: see backup-postgres.ts): checks the backup,
 * keeps the current database beside it (`<db>.before-restore-<time>`), and puts the backup in its place — the
 * configured database, or `--to`. Stop the server first: a running server would keep writing to the
 * file it had open.
 */
export async function runRestoreCommand(args: string[], out: (line: string) => void): Promise<void> {
  if (ENGINE === "postgres") return restorePostgres(args, out);

  const t = await translatorFor(cliLocale());
  const o = parseOptions(args, { from: "string", to: "string" });
  if (!o.from) throw new UsageError(t("cli.restore.fromRequired", { example: "backups/claimdesk-2026-11-25.db" }));
  if (!fs.existsSync(o.from)) throw new UsageError(t("cli.restore.missing", { file: o.from }));
  let check: string;
  try {
    check = integrityOf(o.from);
  } catch (e) {
    check = e instanceof Error ? e.message : String(e);
  }
  if (check !== "ok") throw new UsageError(t("cli.restore.unsound", { file: o.from, check }));
  // Not opened through the app: `--to` may name another file, and the configured one is only a path here.
  const target = path.resolve(o.to ?? sqliteFileOf(databaseUrl()));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The copy first, beside the target: VACUUM INTO reads the backup whole, a -wal beside it included.
  const staging = `${target}.restoring`;
  fs.rmSync(staging, { force: true });
  const source = new Database(o.from, { readonly: true });
  try {
    source.prepare("vacuum into ?").run(staging);
  } finally {
    source.close();
  }
  let kept = "";
  if (fs.existsSync(target)) {
    // Nobody may be using the database: a server still running would go on writing to the
    // file it has open. Then its write-ahead log is folded in, so that what is kept is whole.
    const current = new Database(target, { timeout: 0 });
    try {
      try {
        current.exec("begin exclusive");
        current.exec("commit");
      } catch {
        throw new UsageError(t("cli.restore.fileInUse", { file: target }));
      }
      const [checkpoint] = current.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
      if (checkpoint?.busy) throw new UsageError(t("cli.restore.fileBusy", { file: target }));
    } finally {
      current.close();
    }
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.copyFileSync(target, kept);
  }
  // One rename puts the backup in place: there is never a moment without a database file.
  fs.renameSync(staging, target);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  out(
    kept
      ? t("cli.restore.doneKept", { file: o.from, target, kept: path.basename(kept) })
      : t("cli.restore.done", { file: o.from, target }),
  );
}
