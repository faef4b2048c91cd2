/**
 * `npm run eval:matching -- --set <folder>`: measures the claim matcher on a CheckThat!-style set — `queries.tsv`
 * (id, text), `collection.tsv` (id, vclaim, title) and `qrels.tsv` (query_id, vclaim_id) — as the desk would meet it:
 * the collection is imported into a fresh database as known fact-checks through the import service, and every query
 * goes through the service the matches API calls. Prints MAP@5, MRR and Recall@5 on the set's dev half, its held-out
 * half (split by a hash of the query id: the method's weights were chosen on dev halves only) and the whole, beside a
 * plain BM25 computed in the same run, and the time a query takes (median, p95). A name alone is looked up in the
 * benchmark folder beside the repository; a folder that is not there is skipped, with the reason. `--claims N` first
 * fills the desk with N claims as the benchmark generates them (for the time a query takes at a desk's size; they
 * also compete with the set's matches).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, setDatabase } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { generateDataset } from "@/lib/bench/dataset";
import { Bm25Index } from "@/lib/matching/bm25-index";
import { quantile, scoreRankings, type Scores } from "@/lib/matching/evaluation";
import { importFactChecks } from "@/lib/services/fact-checks/import-fact-checks";
import { findMatches } from "@/lib/services/matching/find-matches";
import { parseOptions } from "./args";
import { UsageError } from "./errors";

const BENCHMARKS = path.resolve(process.cwd(), "..", "shared", "benchmarks", "claim-matching");

type Row = Record<string, string>;

function readTsv(file: string): Row[] {
  const [header, ...lines] = fs.readFileSync(file, "utf8").trim().split("\n");
  const keys = header!.split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ""]));
  });
}

/** FNV-1a (32 bits) of a query id: even is the dev half, odd the held-out half. */
export function isDevQuery(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return (h & 1) === 0;
}

/** The reference baseline's words: lower-cased alphanumeric runs, English stop words out, tweet links dropped. */
const STOP = new Set(
  "a about above after again against all am an and any are as at be because been before being below between both but by can cannot could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself me more most my myself no nor not of off on once only or other ought our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why with would you your yours yourself yourselves".split(
    " ",
  ),
);
const plainTerms = (text: string) =>
  (
    text
      .replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+/g, " ")
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  ).filter((w) => !STOP.has(w));

const fmt = (s: Scores) => `${s.map.toFixed(3)} (MRR ${s.mrr.toFixed(3)}, R@5 ${s.recall.toFixed(3)})`;

export async function runEvalMatching(args: string[], out: (line: string) => void): Promise<number> {
  const { set, claims } = parseOptions(args, { set: "string", claims: "string" });
  const deskClaims = claims === undefined ? 0 : Number(claims);
  if (!Number.isInteger(deskClaims) || deskClaims < 0 || deskClaims > 1_000_000)
    throw new UsageError("--claims must be a whole number from 0 to 1,000,000");
  if (!set) throw new UsageError("--set <folder> is required (a CheckThat!-style folder, or its name)");
  const folder = fs.existsSync(set) ? path.resolve(set) : path.join(BENCHMARKS, set);
  if (!fs.existsSync(path.join(folder, "queries.tsv"))) {
    out(`skipped: no benchmark set at ${folder} (queries.tsv, collection.tsv and qrels.tsv are needed)`);
    return 0;
  }
  const queries = readTsv(path.join(folder, "queries.tsv"));
  const collection = readTsv(path.join(folder, "collection.tsv"));
  const relevant = new Map<string, Set<string>>();
  for (const r of readTsv(path.join(folder, "qrels.tsv"))) {
    if (!relevant.has(r.query_id!)) relevant.set(r.query_id!, new Set());
    relevant.get(r.query_id!)!.add(r.vclaim_id!);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-eval-"));
  const database = openDatabase(`file:${path.join(dir, "eval.db")}`);
  try {
    await database.migrate();
    setDatabase(database);
    if (deskClaims > 0) {
      // The desk's own claims beside the library, as the benchmark generates them: more to search, and to distract.
      const started = performance.now();
      const info = await generateDataset({ database }, { claims: deskClaims });
      out(`desk: ${info.claims} claims generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // The collection as known fact-checks, through the import service: a review per claim, its URL naming the claim.
    const urlOf = (id: string) =>
      `https://checkthat.invalid/${encodeURIComponent(path.basename(folder))}/${encodeURIComponent(id)}`;
    const idOf = new Map(collection.map((c) => [urlOf(c.id!), c.id!]));
    let started = performance.now();
    const imported = await importFactChecks(systemActor("eval"), {
      "@graph": collection.map((c) => ({
        "@type": "ClaimReview",
        url: urlOf(c.id!),
        claimReviewed: c.vclaim,
        ...(c.title ? { name: c.title } : {}),
        author: { "@type": "Organization", name: "CheckThat! collection" },
      })),
    });
    out(
      `${path.basename(folder)}: ${queries.length} inputs, ${collection.length} fact-checked claims ` +
        `(${imported.counts.added} imported in ${((performance.now() - started) / 1000).toFixed(1)} s, ${imported.counts.skipped} invalid)`,
    );

    started = performance.now();
    await findMatches(systemActor("eval"), { text: "warm-up" }); // builds the index
    out(`matcher index built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const matcher = new Map<string, string[]>();
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      const { matches } = await findMatches(systemActor("eval"), { text: q.text, limit: 5 });
      times.push(performance.now() - t);
      matcher.set(
        q.id!,
        matches.map((m) => idOf.get(m.url) ?? m.url),
      );
    }

    const baseline = new Bm25Index<string>();
    for (const c of collection) baseline.set(c.id!, [{ terms: plainTerms(`${c.vclaim} ${c.title}`), weight: 1 }]);
    const bm25 = new Map(queries.map((q) => [q.id!, baseline.search(plainTerms(q.text!), 5).map((h) => h.key)]));

    const half = (dev: boolean | null) =>
      new Map([...relevant].filter(([id]) => dev === null || isDevQuery(id) === dev));
    out("");
    out("| method | dev half | held-out half | all |");
    out("|---|---|---|---|");
    for (const [name, rankings] of [
      ["plain BM25 (same run)", bm25],
      ["Claimdesk's matcher", matcher],
    ] as const) {
      const [dev, held, all] = [half(true), half(false), half(null)].map((r) => scoreRankings(rankings, r));
      out(`| ${name} | ${fmt(dev!)} | ${fmt(held!)} | ${fmt(all!)} |`);
    }
    out("");
    out(
      `time a query through the matches service: median ${quantile(times, 0.5).toFixed(1)} ms, ` +
        `p95 ${quantile(times, 0.95).toFixed(1)} ms (${times.length} queries; ${collection.length} fact-checks` +
        `${deskClaims > 0 ? ` and ${deskClaims} of the desk's claims` : ""} indexed)`,
    );
    out(`MAP@5 figures: mean over inputs of precision at each match in the first five, divided by min(matches, 5).`);
    return 0;
  } finally {
    setDatabase(undefined);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runEvalMatching(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof UsageError ? `error: ${e.message}` : e);
      process.exit(e instanceof UsageError ? 2 : 1);
    },
  );
}
