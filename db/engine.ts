/** The database engines Claimdesk runs on. */
export type Engine = "sqlite" | "postgres";

/** Where the data lives when DATABASE_URL is not set: the embedded SQLite file. */
export const DEFAULT_DATABASE_URL = "file:data/claimdesk.db";

/** The engine a DATABASE_URL names: `postgres://` or `postgresql://` is PostgreSQL, anything else a SQLite file. */
export function engineOf(url: string | undefined): Engine {
  return /^postgres(ql)?:\/\//i.test(url ?? "") ? "postgres" : "sqlite";
}

/** The SQLite file a DATABASE_URL names (`file:path` or a plain path). */
export function sqliteFileOf(url: string): string {
  return url.replace(/^file:/, "");
}

/** This process's DATABASE_URL, or the default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** This process's engine, chosen by DATABASE_URL when the process starts. */
export const ENGINE: Engine = engineOf(databaseUrl());
