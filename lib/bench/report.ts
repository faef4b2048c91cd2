import fs from "node:fs";
import path from "node:path";
import type { Engine } from "@/db/engine";
import type { Row } from "./load";
import type { ReanchorResult } from "./reanchor";

/** One configuration's run: what was measured where. */
export type Result = {
  /** `sqlite`, `postgres`, `postgres-2` (PostgreSQL with two servers)… */
  label: string;
  engine: Engine;
  instances: number;
  date: string;
  claims: number;
  duration: number;
  connections: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  pages: Row[];
  /** What the search rows ask for (runs before searches were varied have none). */
  searches?: string;
  exports: { format: string; seconds: number; megabytes: number; peakGrowthMB: number; rssBeforeMB: number }[];
  reanchor: ReanchorResult;
};

const RESULTS = path.join(process.cwd(), "bench", "results");
const f = (n: number, d = 1) => n.toFixed(d);
const ORDER = ["sqlite", "postgres", "postgres-2"];

/** A configuration's name for a reader. */
export function describe(r: Pick<Result, "engine" | "instances">): string {
  const engine = r.engine === "postgres" ? "PostgreSQL" : "SQLite";
  return r.instances > 1 ? `${engine}, ${r.instances} servers` : engine;
}

/** One run in full: every path, the exports and re-anchoring. */
export function markdown(r: Result): string {
  return [
    `${describe(r)}: ${r.claims.toLocaleString("en")} claims; autocannon, ${r.connections} connections, ${r.duration} s each; ${r.date.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpu} (${r.machine.cores} cores, ${r.machine.memoryGiB} GiB), Node ${r.machine.node}.`,
    "",
    "| what | requests/s | × static | p50 ms | p95 ms | p99 ms | bytes | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...r.pages.map(
      (p) =>
        `| ${p.name} | ${f(p.rps, 0)} | ${p.ratio === null ? "—" : f(p.ratio, 2)} | ${p.p50} | ${p.p95} | ${p.p99} | ${p.bytes} | ${p.errors} |`,
    ),
    "",
    ...(r.searches ? [r.searches, ""] : []),
    "| export of the whole dataset | seconds | MB written | server memory growth (MB) |",
    "|---|---:|---:|---:|",
    ...r.exports.map((e) => `| ${e.format} | ${f(e.seconds, 2)} | ${f(e.megabytes)} | ${f(e.peakGrowthMB)} |`),
    "",
    reanchorLine(r.reanchor),
    "",
  ].join("\n");
}

function reanchorLine(a: ReanchorResult): string {
  const statuses = Object.entries(a.statuses)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  return `Re-anchoring ${a.claims} claims on ${a.characters.toLocaleString("en")} characters after an edit: ${f(a.ms)} ms (median of 3, the whole service), against ${f(a.indexOfMs, 2)} ms for a bare indexOf of every quote in the same run (${f(a.ms / a.indexOfMs, 1)}×); ${statuses}.`;
}

/** Writes a run to bench/results/latest-<label>.json and .md. */
export function save(r: Result): void {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `latest-${r.label}.json`), JSON.stringify(r, null, 2) + "\n");
  fs.writeFileSync(path.join(RESULTS, `latest-${r.label}.md`), markdown(r));
}

/** The latest run of every configuration measured, SQLite first. */
export function latestRuns(): Result[] {
  if (!fs.existsSync(RESULTS)) return [];
  return fs
    .readdirSync(RESULTS)
    .filter((name) => /^latest-[\w-]+\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(path.join(RESULTS, name), "utf8")) as Result)
    .sort((a, b) => ORDER.indexOf(a.label) - ORDER.indexOf(b.label));
}

/**
 * The configurations side by side: each path's requests/s, its ratio to the static file served by the same servers
 * in the same run, and p99; then the exports and re-anchoring of each.
 */
export function sideBySide(runs: Result[]): string {
  const names = [...new Set(runs.flatMap((r) => r.pages.map((p) => p.name)))];
  const cell = (r: Result, name: string) => {
    const p = r.pages.find((row) => row.name === name);
    return p ? `${f(p.rps, 0)} | ${p.ratio === null ? "—" : f(p.ratio, 2)} | ${p.p99}` : "— | — | —";
  };
  return [
    ...runs.map(
      (r) =>
        `- ${describe(r)}: ${r.claims.toLocaleString("en")} claims, autocannon with ${r.connections} connections for ${r.duration} s a path (spread evenly over the servers), ${r.date.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpu} (${r.machine.cores} cores), Node ${r.machine.node}.`,
    ),
    "",
    `| what | ${runs.map((r) => `${describe(r)}: req/s | × static | p99 ms`).join(" | ")} |`,
    `|---|${runs.map(() => "---:|---:|---:").join("|")}|`,
    ...names.map((name) => `| ${name} | ${runs.map((r) => cell(r, name)).join(" | ")} |`),
    "",
    `| export of the whole dataset | ${runs.map((r) => `${describe(r)}: seconds | memory growth MB`).join(" | ")} |`,
    `|---|${runs.map(() => "---:|---:").join("|")}|`,
    ...["claimreview", "csv"].map(
      (format) =>
        `| ${format} | ${runs
          .map((r) => {
            const e = r.exports.find((x) => x.format === format);
            return e ? `${f(e.seconds, 2)} | ${f(e.peakGrowthMB)}` : "— | —";
          })
          .join(" | ")} |`,
    ),
    "",
    ...runs.map((r) => `${describe(r)}: ${reanchorLine(r.reanchor)}`),
    "",
  ].join("\n");
}

/** Puts the side-by-side tables between README.md's bench markers. */
export function updateReadme(table: string): void {
  const file = path.join(process.cwd(), "README.md");
  const readme = fs.readFileSync(file, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (!readme.includes(start)) throw new Error("README.md has no <!-- bench:start --> marker");
  fs.writeFileSync(
    file,
    readme.slice(0, readme.indexOf(start) + start.length) + "\n" + table + readme.slice(readme.indexOf(end)),
  );
}
