/**
 * `npm run bench [-- --claims N] [--duration S] [--connections C] [--build] [--readme]`:
 * generates the dataset into its own database, serves it with the production build, and
 * measures with autocannon — each page against the same server serving a static file of
 * the same size (the machine's limit for a page that size), in the same run. Writes
 * bench/results/latest.json and latest.md and prints the table; `--readme` also puts the
 * table into README.md's Performance section.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDatabase, setDatabase } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { queryRow } from "@/db/sql";
import { systemActor } from "@/lib/auth/actor";
import { parseOptions } from "@/lib/cli/args";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { generateDataset, TOPICS } from "./dataset";
import { benchReanchor } from "./reanchor";

const ROOT = process.cwd();
const DATA = path.join(ROOT, "data", "bench");
const RESULTS = path.join(ROOT, "bench", "results");
const STATIC_FILE = path.join(ROOT, "public", "bench-static.html");
/** Bump when the generator changes, so a cached dataset is made again. */
const DATASET_VERSION = 1;

type Row = {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
  ratio: number | null;
};

async function main() {
  const o = parseOptions(process.argv.slice(2), {
    claims: "string",
    duration: "string",
    connections: "string",
    port: "string",
    build: "boolean",
    readme: "boolean",
  });
  const claims = Number(o.claims ?? 100_000);
  const duration = Number(o.duration ?? 10);
  const connections = Number(o.connections ?? 32);
  const port = Number(o.port ?? 3300);
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const log = (line: string) =>
    console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  if (ENGINE !== "sqlite") throw new Error("The benchmark runs on SQLite for now: unset DATABASE_URL.");

  // 1. The dataset, generated once per size and copied fresh for each run.
  fs.mkdirSync(DATA, { recursive: true });
  const pristine = path.join(DATA, `dataset-${claims}-v${DATASET_VERSION}.db`);
  if (!fs.existsSync(pristine)) {
    log(`generating ${claims} claims…`);
    const file = `${pristine}.tmp`;
    const database = openDatabase(`file:${file}`);
    await database.migrate();
    setDatabase(database);
    const info = await generateDataset({ database }, { claims });
    setDatabase(undefined);
    await database.close(); // the last connection to close folds the write-ahead log into the file
    fs.renameSync(file, pristine);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${pristine}.tmp${suffix}`, { force: true });
    log(`dataset: ${JSON.stringify(info)}`);
  }
  const dbFile = path.join(DATA, "run.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  fs.copyFileSync(pristine, dbFile);

  // What to ask for: a published claim, its dispute, a rating, a document to add claims to, a token.
  const database = openDatabase(`file:${dbFile}`);
  await database.migrate(); // a dataset made before the latest migrations
  setDatabase(database);
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
  const token = (await createApiToken(systemActor("bench"), { forEmail: "contributor@claimdesk.test", name: "bench" }))
    .token;
  setDatabase(undefined);
  await database.close();

  // 2. The production build (made again when a source file is newer than it).
  if (o.build || isBuildStale()) {
    log("building (next build)…");
    if (
      spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } })
        .status !== 0
    )
      throw new Error("next build failed");
  }

  // 3. The server, against the run's database; the static file exists before it starts.
  fs.mkdirSync(path.dirname(STATIC_FILE), { recursive: true });
  fs.writeFileSync(STATIC_FILE, "<!doctype html><title>static</title>");
  const server = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: `file:${dbFile}`,
        AUTH_SECRET: "bench-secret-not-for-production-0123456789",
        PUBLIC_BASE_URL: base,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    await waitFor(`${base}/api/health`);
    log(`server up (pid ${server.pid})`);

    // The baseline file: as large as the claims page.
    const claimsPage = await (await fetch(`${base}/claims`)).text();
    fs.writeFileSync(
      STATIC_FILE,
      `<!doctype html><title>static</title><body><pre>${"x".repeat(Math.max(0, Buffer.byteLength(claimsPage) - 51))}</pre></body>\n`,
    );

    const word = TOPICS[0]!;
    const targets: { name: string; path: string }[] = [
      { name: "static file (baseline)", path: "/bench-static.html" },
      { name: "/claims", path: "/claims" },
      { name: "/claims filtered (rating)", path: "/claims?rating=false" },
      { name: `/claims search (“${word}”)`, path: `/claims?q=${word}` },
      { name: "/claims/[slug]", path: `/claims/${sample.slug}` },
      { name: "/disputes/[slug]", path: `/disputes/${sample.disputeSlug}` },
      { name: `/api/v1/claims?q=${word}`, path: `/api/v1/claims?q=${word}` },
    ];
    const rows: Row[] = [];
    for (const t of targets) {
      for (let i = 0; i < 20; i++) await (await fetch(base + t.path)).arrayBuffer(); // warm: render once, JIT
      log(`measuring ${t.name} for ${duration} s…`);
      rows.push(await measure(t.name, base + t.path, { duration, connections }));
    }
    // Writes: each request a new claim on a sentence of one document, with the API token.
    const sentence = /[A-Z][^.\n]{20,}\./.exec(target)!;
    let n = 0;
    log(`measuring POST /api/v1/claims for ${duration} s…`);
    rows.push(
      await measure("POST /api/v1/claims", `${base}/api/v1/claims`, {
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
    const baseline = rows[0]!.rps;
    for (const row of rows) row.ratio = row.path.startsWith("POST") || row === rows[0] ? null : row.rps / baseline;

    // Streamed exports of the whole dataset: time and the server's memory.
    const exports = [];
    for (const format of ["claimreview", "csv"] as const) {
      log(`exporting ${format}…`);
      exports.push({ format, ...(await timeExport(`${base}/api/v1/exports/${format}`, server)) });
    }
    log("re-anchoring (in process)…");
    const reanchor = await benchReanchor();

    const machine = {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    };
    const result = {
      date: new Date().toISOString(),
      claims,
      duration,
      connections,
      machine,
      pages: rows,
      exports,
      reanchor,
    };
    const table = markdown(result);
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(result, null, 2) + "\n");
    fs.writeFileSync(path.join(RESULTS, "latest.md"), table);
    if (o.readme) updateReadme(table);
    console.log("\n" + table);
    log("done");
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(STATIC_FILE, { force: true });
  }
}

/** One autocannon run; p95 is computed from every response time (autocannon reports p97.5, not p95). */
async function measure(
  name: string,
  url: string,
  opts: {
    duration: number;
    connections: number;
    method?: "POST";
    headers?: Record<string, string>;
    body?: () => string;
  },
): Promise<Row> {
  const times: number[] = [];
  let errors = 0;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        duration: opts.duration,
        connections: opts.connections,
        method: opts.method ?? "GET",
        headers: opts.headers,
        ...(opts.body
          ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: opts.body!() }) }] }
          : {}),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status >= 400) errors++;
    });
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
  return {
    name,
    path: opts.method === "POST" ? `POST ${new URL(url).pathname}` : new URL(url).pathname + new URL(url).search,
    rps: r.requests.average,
    p50: round(pct(50)),
    p95: round(pct(95)),
    p99: round(pct(99)),
    bytes: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
    errors: errors + r.errors + r.timeouts + r.non2xx,
    ratio: null,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Downloads an export, sampling the server's resident memory (its whole process tree) meanwhile. */
async function timeExport(url: string, server: ChildProcess) {
  const before = treeRss(server.pid!);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(server.pid!))), 20);
  const t0 = performance.now();
  const res = await fetch(url);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).byteLength;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, treeRss(server.pid!));
  return {
    status: res.status,
    seconds,
    megabytes: bytes / 1e6,
    rssBeforeMB: before / 1e6,
    peakGrowthMB: (peak - before) / 1e6,
  };
}

/** Resident memory of a process and its descendants, from /proc (bytes). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const queue = [pid]; queue.length;) {
    const p = queue.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

function isBuildStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
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

type Result = {
  date: string;
  claims: number;
  duration: number;
  connections: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  pages: Row[];
  exports: { format: string; seconds: number; megabytes: number; peakGrowthMB: number; rssBeforeMB: number }[];
  reanchor: Awaited<ReturnType<typeof benchReanchor>>;
};

function markdown(r: Result): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines = [
    `${r.claims.toLocaleString("en")} claims; autocannon, ${r.connections} connections, ${r.duration} s each; ${r.date.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpu} (${r.machine.cores} cores, ${r.machine.memoryGiB} GiB), Node ${r.machine.node}.`,
    "",
    "| what | requests/s | × static | p50 ms | p95 ms | p99 ms | bytes | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...r.pages.map(
      (p) =>
        `| ${p.name} | ${f(p.rps, 0)} | ${p.ratio === null ? "—" : f(p.ratio, 2)} | ${p.p50} | ${p.p95} | ${p.p99} | ${p.bytes} | ${p.errors} |`,
    ),
    "",
    "| export of the whole dataset | seconds | MB written | server memory growth (MB) |",
    "|---|---:|---:|---:|",
    ...r.exports.map((e) => `| ${e.format} | ${f(e.seconds, 2)} | ${f(e.megabytes)} | ${f(e.peakGrowthMB)} |`),
    "",
    `Re-anchoring ${r.reanchor.claims} claims on ${r.reanchor.characters.toLocaleString("en")} characters after an edit: ${f(r.reanchor.ms)} ms (median of 3, the whole service), against ${f(r.reanchor.indexOfMs, 2)} ms for a bare indexOf of every quote in the same run (${f(r.reanchor.ms / r.reanchor.indexOfMs, 1)}×); ${Object.entries(
      r.reanchor.statuses,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}.`,
    "",
  ];
  return lines.join("\n");
}

function updateReadme(table: string) {
  const file = path.join(ROOT, "README.md");
  const readme = fs.readFileSync(file, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (!readme.includes(start)) throw new Error("README.md has no <!-- bench:start --> marker");
  fs.writeFileSync(
    file,
    readme.slice(0, readme.indexOf(start) + start.length) + "\n" + table + readme.slice(readme.indexOf(end)),
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
