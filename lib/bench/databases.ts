import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, setDatabase } from "@/db/client";
import { dropDatabase, withClient } from "@/db/engines/postgres";
import type { Engine } from "@/db/engine";
import { generateDataset } from "./dataset";

const DATA = path.join(process.cwd(), "data", "bench");
/** Bump when the generator changes, so a kept dataset is made again. */
const DATASET_VERSION = 2;

/** The PostgreSQL server the benchmark uses: BENCH_DATABASE_URL, else TEST_DATABASE_URL (any database on it). */
export function benchServer(): string {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("--engine postgres needs a server: set BENCH_DATABASE_URL=postgres://user:pass@host/db");
  return url;
}

/** The URL of another database on the same server. */
function onServer(server: string, database: string): string {
  const u = new URL(server);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Generates the dataset into a new database at `url` (of this process's engine), migrated first. */
async function generate(url: string, claims: number, log: (line: string) => void): Promise<void> {
  log(`generating ${claims} claims…`);
  const database = openDatabase(url);
  await database.migrate();
  setDatabase(database);
  const info = await generateDataset({ database }, { claims });
  setDatabase(undefined);
  await database.close(); // SQLite: the last connection to close folds the write-ahead log into the file
  log(`dataset: ${JSON.stringify(info)}`);
}

/**
 * The run's database, fresh for every run: a copy of the dataset, which is generated once per size and engine (a
 * SQLite file in data/bench/, a PostgreSQL database `claimdesk_bench_<claims>_v<n>` used as a template). Returns its
 * DATABASE_URL.
 */
export async function prepareRunDatabase(engine: Engine, claims: number, log: (line: string) => void): Promise<string> {
  const name = `dataset-${claims}-v${DATASET_VERSION}`;
  if (engine === "sqlite") {
    fs.mkdirSync(DATA, { recursive: true });
    const pristine = path.join(DATA, `${name}.db`);
    if (!fs.existsSync(pristine)) {
      const file = `${pristine}.tmp`;
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      await generate(`file:${file}`, claims, log);
      fs.renameSync(file, pristine);
    }
    const run = path.join(DATA, "run.db");
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(run + suffix, { force: true });
    fs.copyFileSync(pristine, run);
    return `file:${run}`;
  }
  const server = benchServer();
  const pristine = `claimdesk_bench_${name.replace(/\W/g, "_")}`;
  const exists = await withClient(
    server,
    async (c) => (await c.query("select 1 from pg_database where datname = $1", [pristine])).rowCount,
  );
  if (!exists) {
    const making = `${pristine}_making`;
    await withClient(server, async (c) => {
      await dropDatabase(c, making);
      await c.query(`create database "${making}"`);
    });
    await generate(onServer(server, making), claims, log);
    await withClient(server, (c) => c.query(`alter database "${making}" rename to "${pristine}"`));
  }
  await withClient(server, async (c) => {
    await dropDatabase(c, "claimdesk_bench_run");
    await c.query(`create database claimdesk_bench_run template "${pristine}"`);
  });
  return onServer(server, "claimdesk_bench_run");
}

/** An empty database of the engine for in-process measurements, and how to drop it afterwards. */
export async function scratchDatabase(engine: Engine): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-bench-"));
    return { url: `file:${path.join(dir, "scratch.db")}`, drop: async () => fs.rmSync(dir, { recursive: true }) };
  }
  const server = benchServer();
  await withClient(server, async (c) => {
    await dropDatabase(c, "claimdesk_bench_scratch");
    await c.query("create database claimdesk_bench_scratch");
  });
  return {
    url: onServer(server, "claimdesk_bench_scratch"),
    drop: () => withClient(server, (c) => dropDatabase(c, "claimdesk_bench_scratch")),
  };
}
