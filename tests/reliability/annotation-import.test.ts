/**
 * Importing a large W3C annotation file keeps the server answering: 10,000 annotations (the most a file may hold)
 * into a 5 MB document — quotes in their place, edited ones that only approximate matching finds, missing ones, one
 * short quote found everywhere in the text, one long quote found nowhere — while `/api/health` is asked every 10 ms.
 * The quotes are matched in batches that give the event loop back, within a budget of approximate-matching work per
 * file; what the budget leaves unsearched is reported as orphaned with its reason, never dropped.
 *
 * The matching runs before the write transaction; the claims are then written in one transaction, in chunks, and a
 * health check (a read) is not held up by it on either engine.
 *
 * The liveness bound (no gap of 1 s or more between two health answers) is a liveness check, not a performance
 * measurement: a batch takes tens of milliseconds and one approximate search of a 5 MB text under a tenth of a second
 * (gaps of 0.2–0.35 s were seen with both engines' suites running at once), while an import that keeps the event loop
 * — matching every quote, then writing every claim, in one go — holds it for tens of seconds (the quote found
 * everywhere alone takes over ten). The margin is wide enough for a slow or busy machine either way.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as importRoute from "@/app/api/v1/documents/[id]/annotations/route";
import { queryRow } from "@/db/sql";
import { CodePointIndex, describeSpan, type SpanSelectors } from "@/lib/anchoring";
import { systemActor } from "@/lib/auth/actor";
import { MAX_IMPORTED_ANNOTATIONS } from "@/lib/exports/w3c-import";
import { getDocumentText } from "@/lib/services/documents/current-text";
import {
  importAnnotations,
  IMPORT_MATCHING_LIMITS,
  type ImportResult,
} from "@/lib/services/documents/import-annotations";
import { importDocument } from "@/lib/services/documents/import-document";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, tableSnapshot, type TestDb } from "../support/db";
import { addUser } from "../support/fixtures";
import { callRoute } from "../support/http";

let t: TestDb;
let token = "";
const admin = systemActor("annotation-import-test");

/** A seeded pseudo-random generator (mulberry32): the same text and file on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About 5 MB of lower-case prose: made-up words (so that a 40-character quote occurs once) among common ones ("the"
 * occurs tens of thousands of times), in sentences and paragraphs.
 */
function bigText(size: number): string {
  const next = random(9);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const syllables = ["ka", "lo", "mi", "ra", "ten", "vo", "su", "bre", "dan", "ex", "ul", "pri", "mo", "sta", "fe"];
  const common = ["the", "of", "and", "to", "in", "said", "that"];
  const paragraphs: string[] = [];
  let length = 0;
  while (length < size) {
    const sentences: string[] = [];
    for (let s = 0; s < 6; s++) {
      const words: string[] = [];
      for (let w = 0; w < 12; w++)
        words.push(
          next() < 0.3
            ? pick(common)
            : Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(syllables)).join(""),
        );
      sentences.push(`${words.join(" ")}.`);
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}

/** Capital letters: never in the text, so a quote of them is nowhere, not even approximately. */
function nowhere(next: () => number, length: number): string {
  return Array.from({ length }, () => "QWXZJKV"[Math.floor(next() * 7)]).join("");
}

const annotation = (sel: Partial<SpanSelectors> & { exact: string }, withPosition = true) => ({
  type: "Annotation",
  body: [{ type: "TextualBody", purpose: "commenting", value: `Check: ${sel.exact.slice(0, 80)}` }],
  target: {
    selector: [
      { type: "TextQuoteSelector", exact: sel.exact, prefix: sel.prefix ?? "", suffix: sel.suffix ?? "" },
      ...(withPosition ? [{ type: "TextPositionSelector", start: sel.start, end: sel.end }] : []),
    ],
  },
});

type Kind = "in place" | "edited" | "missing" | "everywhere" | "too long";

/**
 * The 10,000-annotation file: every 100th annotation (from the 50th) an edited quote, every 100th (from the 99th) a
 * missing one, the 6th "the" with a context found nowhere and no position, the 8th a 600-character quote found nowhere;
 * the others quote the text where they say.
 */
function annotationFile(text: string) {
  const index = new CodePointIndex(text);
  const next = random(7);
  const kinds: Kind[] = [];
  const items = Array.from({ length: MAX_IMPORTED_ANNOTATIONS }, (_, i) => {
    const start = 2_000 + i * 495;
    const sel = describeSpan(index, start, start + 40 + (i % 21));
    const kind: Kind =
      i === 5
        ? "everywhere"
        : i === 7
          ? "too long"
          : i % 100 === 50
            ? "edited"
            : i % 100 === 99
              ? "missing"
              : "in place";
    kinds.push(kind);
    switch (kind) {
      case "in place":
        return annotation(sel);
      case "edited": // two letters changed: the context is the same, the quote 95 % so
        return annotation({ ...sel, exact: `${sel.exact.slice(0, 15)}XY${sel.exact.slice(17)}` });
      case "missing":
        return annotation({ ...sel, exact: nowhere(next, 45), prefix: nowhere(next, 32), suffix: nowhere(next, 32) });
      case "everywhere":
        return annotation(
          { exact: "the", prefix: "Reporters were told by the ministry that ", suffix: " convoy had left." },
          false,
        );
      case "too long":
        return annotation({ ...sel, exact: nowhere(next, 600), prefix: "", suffix: "" });
    }
  });
  return { file: { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationPage", items }, kinds };
}

/**
 * Asks `/api/health` every 10 ms until stopped: the longest time between two answers, and every status. A timer
 * between the calls: on SQLite a health check answers without I/O, and calls in a row would never let the import on.
 */
function askHealthMeanwhile() {
  let running = true;
  let last = performance.now();
  let longestGap = 0;
  const statuses: number[] = [];
  const asking = (async () => {
    while (running) {
      await sleep(10);
      statuses.push((await healthRoute.GET()).status);
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await asking;
      return { longestGap, statuses };
    },
  };
}

const claimCount = async (documentId: number) =>
  (await queryRow<{ n: number }>(t.db, sql`select count(*) as n from claims where document_id = ${documentId}`))!.n;

let documentId = 0;
let text = "";

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.database, "contributor@annotation-import.test", "contributor");
  token = (await createApiToken(admin, { forEmail: "contributor@annotation-import.test", scope: "write" })).token;
  documentId = (await importDocument(admin, { title: "A very long transcript", text: bigText(4_990_000) })).id;
  text = (await getDocumentText(t.db, documentId)).text;
});
afterAll(async () => {
  await t?.close();
});

describe("importing 10,000 annotations into a 5 MB document", () => {
  it("should keep answering health checks meanwhile, and report every quote the matching limits left unsearched", async () => {
    expect(text.length).toBeGreaterThan(4_900_000);
    const { file, kinds } = annotationFile(text);

    const health = askHealthMeanwhile();
    const result: ImportResult = await importAnnotations(admin, {
      documentId,
      annotations: file,
      claimant: { name: "A source" },
    }).catch(async (e: unknown) => {
      await health.stop();
      throw e;
    });
    const { longestGap, statuses } = await health.stop();
    expect(longestGap).toBeLessThan(1_000);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((s) => s === 200)).toBe(true);

    // Quotes not found word for word are searched approximately, in file order, while the budget lasts: each search
    // costs the text's length (a quote of at most 256 characters).
    const searchable = Math.floor(IMPORT_MATCHING_LIMITS.approximateBudget / text.length);
    const approximate = kinds.flatMap((k, i) => (k === "edited" || k === "missing" ? [i] : []));
    expect(approximate).toHaveLength(200);
    expect(searchable).toBeGreaterThan(10); // a budget that searches some of them and not all
    expect(searchable).toBeLessThan(approximate.length);
    const searched = new Set(approximate.slice(0, searchable));
    const expected = kinds.map((k, i) =>
      k === "in place"
        ? { status: "anchored", reason: null }
        : k === "everywhere"
          ? { status: "orphaned", reason: "too_common" }
          : k === "too long"
            ? { status: "orphaned", reason: "too_long" }
            : !searched.has(i)
              ? { status: "orphaned", reason: "budget_spent" }
              : k === "edited"
                ? { status: "fuzzy", reason: null }
                : { status: "orphaned", reason: "not_found" },
    );
    expect(result.claims.map(({ status, reason }) => ({ status, reason }))).toEqual(expected);
    const edited = approximate.filter((i) => searched.has(i) && kinds[i] === "edited").length;
    expect(result.counts).toEqual({
      anchored: MAX_IMPORTED_ANNOTATIONS - 202,
      fuzzy: edited,
      orphaned: 202 - edited,
    });
    expect(result.orphaned).toEqual({
      not_found: searchable - edited,
      too_common: 1,
      too_long: 1,
      budget_spent: approximate.length - searchable,
    });
    expect(String(result.notice)).toBe(
      `${approximate.length - searchable + 2} claims were orphaned without a full search: ` +
        `${approximate.length - searchable} quotes not found word for word, left when the file had spent its ` +
        "approximate-matching budget (250,000,000 characters of text); 1 quote not found word for word and too long " +
        "to search for approximately in a text this size; 1 quote not where the file says, and found word for word " +
        "in more than 1,000 places. Re-attach them by selection (a file with fewer quotes to match approximately " +
        "leaves none unsearched).",
    );
    expect(await claimCount(documentId)).toBe(MAX_IMPORTED_ANNOTATIONS);
    // A fuzzy claim is where the quote was before its two letters changed.
    const fuzzy = result.claims.find((c) => c.status === "fuzzy")!;
    const original = text.slice(fuzzy.start, fuzzy.end);
    expect(`${original.slice(0, 15)}XY${original.slice(17)}`).toBe(fuzzy.quote);
  });

  it("should refuse a file of more than 10,000 annotations whole, saying so", async () => {
    const one = { type: "Annotation", target: { selector: { type: "TextQuoteSelector", exact: "the" } } };
    const before = await tableSnapshot(t.db);
    const res = await callRoute(importRoute.POST, "POST", `/api/v1/documents/${documentId}/annotations`, {
      params: { id: String(documentId) },
      token,
      body: { annotations: Array.from({ length: MAX_IMPORTED_ANNOTATIONS + 1 }, () => one), claimant: { name: "X" } },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain(`holds 10001 annotations; at most ${MAX_IMPORTED_ANNOTATIONS} at a time`);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });
});
