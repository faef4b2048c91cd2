/**
 * `npm run bench [-- --engine sqlite|postgres] [--instances N] [--claims N] [--duration S] [--connections C] [--build]
 * [--readme]`: generates the dataset into its own database (SQLite, or PostgreSQL on BENCH_DATABASE_URL's server),
 * serves it with a production build of its own (data/bench/next: a developer's `.next` is left alone) on N servers,
 * and measures with autocannon — each page against the same servers serving a static file of the same size (the
 * machine's limit for a page that size), in the same run. Searches are not one word asked again and again: each
 * request draws its words from a few hundred searches with a Zipf distribution (lib/bench/search-queries.ts).
 * Writes bench/results/latest-<configuration>.json and .md and prints the table; `--readme` puts every
 * configuration's latest run side by side into README.md's Performance section.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, setDatabase } from "@/db/client";
import { ENGINE, type Engine } from "@/db/engine";
import { execute, queryRow, queryRows } from "@/db/sql";
import { systemActor } from "@/lib/auth/actor";
import { parseOptions } from "@/lib/cli/args";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { prepareRunDatabase, scratchDatabase } from "./databases";
import { measure, type Row } from "./load";
import { timeExport } from "./memory";
import { benchReanchor } from "./reanchor";
import { latestRuns, markdown, save, sideBySide, updateReadme, type Result } from "./report";
import { benchSearchQueries, zipfRanks } from "./search-queries";

const ROOT = process.cwd();
const STATIC_FILE = path.join(ROOT, "public", "bench-static.html");
/** The benchmark's own build, beside its datasets (next.config.js reads NEXT_DIST_DIR). */
const BUILD_DIR = path.join("data", "bench", "next");

const OPTIONS = {
  engine: "string",
  instances: "string",
  claims: "string",
  duration: "string",
  connections: "string",
  port: "string",
  build: "boolean",
  readme: "boolean",
} as const;

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2), OPTIONS);
  const engine = (o.engine ?? "sqlite") as Engine;
  if (engine !== "sqlite" && engine !== "postgres") throw new Error("--engine is sqlite or postgres");
  // The tables a process uses are chosen by its DATABASE_URL when it starts: run again on the other engine.
  if (engine !== ENGINE) return again(engine);
  const instances = Number(o.instances ?? 1);
  const claims = Number(o.claims ?? 100_000);
  const duration = Number(o.duration ?? 10);
  const connections = Number(o.connections ?? 32);
  const port = Number(o.port ?? 3300);
  const bases = Array.from({ length: instances }, (_, i) => `http://127.0.0.1:${port + i}`);
  const started = Date.now();
  const log = (line: string) =>
    console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

  // 1. The dataset, generated once per size and engine and copied fresh for each run.
  const url = await prepareRunDatabase(engine, claims, log);
  const { sample, target, token } = await sampleOf(url);

  // 2. The production build (made again when a source file is newer than it).
  if (o.build || isBuildStale()) {
    log(`building (next build into ${BUILD_DIR})…`);
    build();
  }

  // 3. The servers, against the run's database; the static file exists before they start.
  fs.mkdirSync(path.dirname(STATIC_FILE), { recursive: true });
  fs.writeFileSync(STATIC_FILE, "<!doctype html><title>static</title>");
  const servers = bases.map((base, i) => startServer(port + i, url, base));
  try {
    for (const base of bases) await waitFor(`${base}/api/health`);
    log(`${instances} server${instances > 1 ? "s" : ""} up on ${engine}`);

    // The baseline file: as large as the claims page.
    const claimsPage = await (await fetch(`${bases[0]}/claims`)).text();
    const padding = "x".repeat(Math.max(0, Buffer.byteLength(claimsPage) - 51));
    fs.writeFileSync(STATIC_FILE, `<!doctype html><title>static</title><body><pre>${padding}</pre></body>\n`);

    const queries = benchSearchQueries();
    const searched = (prefix: string) => {
      const rank = zipfRanks(queries.length);
      return () => `${prefix}?q=${encodeURIComponent(queries[rank()]!)}`;
    };
    const scenario = `${queries.length} searches, Zipf`;
    const targets: { name: string; path: string; vary?: () => string }[] = [
      { name: "static file (baseline)", path: "/bench-static.html" },
      { name: "/claims", path: "/claims" },
      { name: "/claims filtered (rating)", path: "/claims?rating=false" },
      { name: `/claims search (${scenario})`, path: "/claims?q=…", vary: searched("/claims") },
      { name: "/claims/[slug]", path: `/claims/${sample.slug}` },
      { name: "/uk/claims/[slug] (in Ukrainian)", path: `/uk/claims/${sample.slug}` },
      { name: "/disputes/[slug]", path: `/disputes/${sample.disputeSlug}` },
      { name: `/api/v1/claims?q= (${scenario})`, path: "/api/v1/claims?q=…", vary: searched("/api/v1/claims") },
    ];
    const rows: Row[] = [];
    for (const t of targets) {
      // Warm every server: render once, JIT. A varied target is warmed with requests of its own draw, not with all
      // of its searches: the measurement meets the ones not asked yet.
      for (const base of bases)
        for (let i = 0; i < 20; i++) await (await fetch(base + (t.vary?.() ?? t.path))).arrayBuffer();
      log(`measuring ${t.name} for ${duration} s…`);
      rows.push(await measure(t.name, bases, t.path, { duration, connections, path: t.vary }));
    }
    // Writes: each request a new claim on a sentence of one document, with the API token.
    const sentence = /[A-Z][^.\n]{20,}\./.exec(target)!;
    let n = 0;
    log(`measuring POST /api/v1/claims for ${duration} s…`);
    rows.push(
      await measure("POST /api/v1/claims", bases, "/api/v1/claims", {
        duration,
        connections,
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: () =>
          JSON.stringify({
            documentId: sample.documentId,
            revision: 1,
            start: sentence.index,
            end: sentence.index + sentence[0].length,
            claimant: { id: sample.claimantId },
            statement: `Bench claim number ${++n}`,
          }),
      }),
    );
    // The desk's work queue (signed in): the whole unassigned queue by deadline, and one person's by priority.
    for (const [name, path] of [
      ["GET /api/v1/claims?assignee=none&sort=due (signed in)", "/api/v1/claims?assignee=none&sort=due"],
      ["GET /api/v1/claims?assignee=me&sort=priority (signed in)", "/api/v1/claims?assignee=me&sort=priority"],
    ] as const) {
      log(`measuring ${name} for ${duration} s…`);
      rows.push(
        await measure(name, bases, path, { duration, connections, headers: { authorization: `Bearer ${token}` } }),
      );
    }
    const baseline = rows[0]!.rps;
    for (const row of rows) row.ratio = row.path.startsWith("POST") || row === rows[0] ? null : row.rps / baseline;

    // Streamed exports of the whole dataset from the first server: time and its memory.
    const exports = [];
    for (const format of ["claimreview", "csv"] as const) {
      log(`exporting ${format}…`);
      exports.push({ format, ...(await timeExport(`${bases[0]}/api/v1/exports/${format}`, servers[0]!)) });
    }
    log("re-anchoring (in process)…");
    const scratch = await scratchDatabase(engine);
    const reanchor = await benchReanchor(scratch.url).finally(() => scratch.drop());

    const result: Result = {
      label: engine + (instances > 1 ? `-${instances}` : ""),
      engine,
      instances,
      date: new Date().toISOString(),
      claims,
      duration,
      connections,
      machine: {
        cpu: os.cpus()[0]?.model ?? "unknown",
        cores: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      pages: rows,
      searches: `Searches (${scenario}): each request asks one of ${queries.length} searches of words from the dataset — single words (topics, places, claimants' names, bodies, events, verbs) and topic-and-place pairs — drawn with a Zipf distribution (exponent 1: the k-th most asked asked 1/k as often as the first) from a fixed seed, ${queries[0]} the most asked; the servers are warmed with 20 draws, so the first asking of most searches is measured too.`,
      exports,
      reanchor,
    };
    save(result);
    if (o.readme) updateReadme(sideBySide(latestRuns()));
    console.log("\n" + markdown(result));
    log("done");
    return 0;
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    fs.rmSync(STATIC_FILE, { force: true });
  }
}

/** Runs the benchmark again in a process whose DATABASE_URL names the other engine. */
function again(engine: Engine): Promise<number> {
  const env = { ...process.env, DATABASE_URL: engine === "postgres" ? "postgres://bench/unused" : "" };
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { env, stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

/** What to ask for: a published claim, its dispute, a document to add claims to, and a token to do it with. */
async function sampleOf(url: string) {
  const database = openDatabase(url);
  await database.migrate(); // a dataset made before the latest migrations
  setDatabase(database);
  try {
    const sample = (await queryRow<{ slug: string; disputeSlug: string; documentId: number; claimantId: number }>(
      database.db,
      sql`
      select c.slug as slug, d.slug as "disputeSlug", c.document_id as "documentId", c.claimant_id as "claimantId"
      from claims c join verdicts v on v.claim_id = c.id and v.state = 'published'
      join dispute_accounts da on da.claim_id = c.id join disputes d on d.id = da.dispute_id
      where c.id >= (select max(id) / 2 from claims) order by c.id limit 1`,
    ))!;
    const target = (await queryRow<{ text: string }>(
      database.db,
      sql`select text from document_revisions where document_id = ${sample.documentId}`,
    ))!.text;
    const forEmail = "contributor@claimdesk.test";
    const { token } = await createApiToken(systemActor("bench"), { forEmail, name: "bench", scope: "write" });
    // The work queue's data: a tenth of the claims assigned in turn to the three demo people who may hold them, with
    // deadlines from 20 hours past to 180 hours ahead and every priority (on this run's copy only).
    const people = await queryRows<{ id: number }>(
      database.db,
      sql`select id from users where email in ('contributor@claimdesk.test', 'editor@claimdesk.test', 'reviewer@claimdesk.test') order by id`,
    );
    await database.transaction(async (tx) => {
      for (const [i, person] of people.entries()) {
        await execute(
          tx,
          sql`update claims set
                assignee_id = ${person.id},
                due_at = cast(${Date.now()} as bigint) + ((claims.id / 10) % 200 - 20) * 3600000,
                priority = case (claims.id / 10) % 4 when 0 then 'low' when 1 then 'normal' when 2 then 'high' else 'urgent' end
              where claims.id % 30 = ${i * 10}`,
        );
      }
    });
    return { sample, target, token };
  } finally {
    setDatabase(undefined);
    await database.close();
  }
}

/**
 * `next build` into the benchmark's folder. Next rewrites next-env.d.ts to point at the build it made: it is put back
 * as it was, so that the developer's own build stays the one type-checked.
 */
function build(): void {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: BUILD_DIR };
  const nextEnv = path.join(ROOT, "next-env.d.ts");
  const before = fs.existsSync(nextEnv) ? fs.readFileSync(nextEnv) : null;
  try {
    if (spawnSync("npx", ["next", "build"], { stdio: "inherit", env }).status !== 0)
      throw new Error("next build failed");
  } finally {
    if (before) fs.writeFileSync(nextEnv, before);
  }
}

function startServer(port: number, url: string, base: string): ChildProcess {
  return spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        AUTH_SECRET: "bench-secret-not-for-production-0123456789",
        PUBLIC_BASE_URL: base,
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: BUILD_DIR,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

function isBuildStale(): boolean {
  const buildId = path.join(ROOT, BUILD_DIR, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const newer = (p: string): boolean => {
    const s = fs.statSync(p);
    if (s.isDirectory()) return fs.readdirSync(p).some((e) => newer(path.join(p, e)));
    return s.mtimeMs > built;
  };
  return ["app", "components", "lib", "db", "next.config.js", "package-lock.json", "proxy.ts"].some(
    (p) => fs.existsSync(path.join(ROOT, p)) && newer(path.join(ROOT, p)),
  );
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
