import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { ENGINE } from "@/db/engine";
import { searchPublishedClaims, toFtsQuery } from "@/db/queries/public/search-claims";
import {
  fullText,
  MAX_SEARCH_WORDS,
  MIN_PREFIX_LETTERS,
  MIN_PREFIX_SYLLABLES,
  searchTerms,
} from "@/db/search/full-text";
import { execute, queryRow, queryRows } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { generateDataset } from "@/lib/bench/dataset";
import { createClaim } from "@/lib/services/claims/create-claim";
import { importDocument } from "@/lib/services/documents/import-document";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { createTestDb, type TestDb } from "../support/db";

/**
 * A search of many one-letter words ("a b c d e f g h i j k l") costs no more than an ordinary search: a word of one
 * or two letters is matched whole, not as a prefix (db/search/full-text.ts, `searchTerms`), and a query has at most
 * `MAX_SEARCH_WORDS` terms. Shown on 3,000 generated claims without timing anything: by the query the engine runs
 * (its terms), by the work the index does for it — the posting lists it reads, counted in the index's own vocabulary
 * (FTS5's fts5vocab, PostgreSQL's ts_stat) — and by what it finds: exactly the claims holding those whole words.
 */

const ONE_LETTERS = "a b c d e f g h i j k l";
const TEXT =
  "Plan B: the trucks take route A, then gate C. Plan B: the trucks take route A. " +
  "Alpha, Bravo and Charlie convoys crossed the river. हिन्दी भी: 北京是中国的首都。";
const STATEMENTS = {
  all: "Plan B: the trucks take route A, then gate C.",
  two: "Plan B: the trucks take route A.",
  prefixes: "Alpha, Bravo and Charlie convoys crossed the river.",
  scripts: "हिन्दी भी: 北京是中国的首都。",
};
// No one-letter word, so that each claim holds exactly the letters of its statement.
const RATIONALE =
  "The logistics office published its plans for the crossing on Tuesday, with maps of the routes and the gates. ".repeat(
    3,
  );

let t: TestDb;
const slugs = {} as Record<keyof typeof STATEMENTS, string>;
const userId = async (email: string) =>
  (await queryRow<{ id: number }>(t.db, sql`select id from users where email = ${email}`))!.id;

beforeAll(async () => {
  t = await createTestDb();
  await generateDataset(t, { claims: 3000 });
  // Claims published by the desk (an editor writes, a second editor publishes) whose one-letter words are known.
  const editor: Actor = { kind: "user", userId: await userId("editor@claimdesk.test") };
  const reviewer: Actor = { kind: "user", userId: await userId("reviewer@claimdesk.test") };
  const step = async (by: Actor, verdictId: number, name: string) => {
    const row = await queryRow<{ version: number }>(t.db, sql`select version from verdicts where id = ${verdictId}`);
    return transitionVerdict(by, { verdictId, step: name, version: row!.version });
  };
  const document = await importDocument(editor, { title: "Logistics office notes", text: TEXT });
  let from = 0;
  for (const [key, statement] of Object.entries(STATEMENTS) as [keyof typeof STATEMENTS, string][]) {
    const start = [...TEXT.slice(0, TEXT.indexOf(statement, from))].length; // selections count code points
    from = TEXT.indexOf(statement, from) + statement.length;
    const claim = await createClaim(editor, {
      documentId: document.id,
      revision: 1,
      start,
      end: start + [...statement].length,
      claimant: { name: "Logistics office" },
      statement,
    });
    await addEvidence(editor, {
      claimId: claim.id,
      url: `https://example.org/logistics/${key}`,
      title: "Logistics office plans",
      sourceType: "official_statement",
      stance: "context",
    });
    const verdict = await createVerdict(editor, {
      claimId: claim.id,
      rating: "true",
      summary: "The office published these plans.",
      rationale: RATIONALE,
    });
    await step(editor, verdict.id, "submit");
    await step(reviewer, verdict.id, "publish");
    slugs[key] = claim.slug;
  }
});
afterAll(async () => {
  await t.close();
});

type Term = { word: string; prefix: boolean };

/** The terms of the query this engine runs: FTS5's `"w"` / `"w"*`, PostgreSQL's `w` / `w:*` joined by `&`. */
function termsOf(query: string | null): Term[] {
  if (query === null) return [];
  if (ENGINE === "postgres") {
    return query.split(" & ").map((term) => {
      const prefix = term.endsWith(":*");
      return { word: prefix ? term.slice(0, -2) : term, prefix };
    });
  }
  return [...query.matchAll(/"([^"]*)"(\*?)/g)].map((m) => ({ word: m[1]!, prefix: m[2] === "*" }));
}

/** Every word in the full-text index with the number of claims holding it, read from the index itself. */
async function vocabulary(): Promise<{ term: string; docs: number }[]> {
  if (ENGINE === "postgres") {
    return queryRows(t.db, sql`select word as term, ndoc as docs from ts_stat('select document from claim_search')`);
  }
  await t.database.transaction((tx) =>
    execute(tx, sql`create virtual table if not exists claim_search_vocab using fts5vocab(claim_search, 'row')`),
  );
  return queryRows(t.db, sql`select term, doc as docs from claim_search_vocab`);
}

/**
 * The index's work for a query: for each term, the posting lists it reads — its own word's, or for a prefix those of
 * every indexed word beginning with it (FTS5 merges their doclists, GIN its entries) — as vocabulary entries read and
 * claims listed in them.
 */
async function indexWork(q: string): Promise<{ entries: number; postings: number; widest: number }> {
  const vocab = await vocabulary();
  let entries = 0;
  let postings = 0;
  let widest = 0;
  for (const { word, prefix } of termsOf(toFtsQuery(q))) {
    const w = word.toLowerCase();
    const read = vocab.filter((v) => (prefix ? v.term.startsWith(w) : v.term === w));
    entries += read.length;
    postings += read.reduce((n, v) => n + Number(v.docs), 0);
    widest = Math.max(widest, read.length);
  }
  return { entries, postings, widest };
}

/** The ids of the claims the engine's query matches (all of them, not a page). */
async function matching(q: string): Promise<Set<number>> {
  const rows = await queryRows<Record<string, number>>(t.db, fullText.matchingIds(toFtsQuery(q)!));
  return new Set(rows.map((r) => Number(Object.values(r)[0])));
}

/** The claims whose indexed texts hold every one of these whole words (the oracle, tokenised here). */
async function holdingWholeWords(words: string[]): Promise<Set<number>> {
  const id = ENGINE === "postgres" ? sql.raw("claim_id") : sql.raw("rowid");
  const rows = await queryRows<Record<string, string | number>>(
    t.db,
    sql`select ${id} as id, statement, quote, claimant, summary, rationale, document_title from claim_search`,
  );
  const found = new Set<number>();
  for (const { id: claimId, ...texts } of rows) {
    const tokens = new Set(
      Object.values(texts)
        .join(" ")
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u),
    );
    if (words.every((w) => tokens.has(w))) found.add(Number(claimId));
  }
  return found;
}

const idOf = async (slug: string) =>
  (await queryRow<{ id: number }>(t.db, sql`select id from claims where slug = ${slug}`))!.id;

describe("the cost of a search", () => {
  it("should run as whole words, never one- or two-letter prefixes, and at most MAX_SEARCH_WORDS terms", () => {
    expect(termsOf(toFtsQuery(ONE_LETTERS))).toEqual(ONE_LETTERS.split(" ").map((word) => ({ word, prefix: false })));
    const many = "a bb ccc dddd e ff ggg hhhh i jj kkk llll m nn ooo pppp q rr sss tttt u vv www xxxx y zz";
    const terms = termsOf(toFtsQuery(many));
    expect(terms).toHaveLength(MAX_SEARCH_WORDS);
    for (const term of terms) expect(term.prefix).toBe([...term.word].length >= MIN_PREFIX_LETTERS);
    // The same word twice is one term; punctuation is no syntax.
    expect(termsOf(toFtsQuery("a A a. (a) b* B:* c"))).toEqual(termsOf(toFtsQuery("a b c")));
    // Ordinary words are still prefixes.
    expect(termsOf(toFtsQuery("civil hosp"))).toEqual([
      { word: "civil", prefix: true },
      { word: "hosp", prefix: true },
    ]);
  });

  it("should read one posting list per one-letter word, less in all than an ordinary search", async () => {
    const pathological = await indexWork(ONE_LETTERS);
    // An ordinary search: a generated claim's statement, pasted as a reader would.
    const pasted = (await queryRow<{ statement: string }>(
      t.db,
      sql`select statement from claim_search where statement like 'The % on day %' limit 1`,
    ))!.statement;
    const ordinary = await indexWork(pasted);
    expect(pathological.widest).toBeLessThanOrEqual(1);
    expect(pathological.entries).toBeLessThanOrEqual(MAX_SEARCH_WORDS);
    expect(pathological.postings).toBeLessThanOrEqual(ordinary.postings);
    // Two letters are no different from one.
    expect((await indexWork("ai be co de ex fo ga ho in ja ke la")).widest).toBeLessThanOrEqual(1);
  });

  it("should find exactly the claims holding those whole words, in any case", async () => {
    const found = await matching("a b c");
    expect(found).toEqual(await holdingWholeWords(["a", "b", "c"]));
    expect(found).toContain(await idOf(slugs.all));
    expect(found).not.toContain(await idOf(slugs.two)); // no "c"
    expect(found).not.toContain(await idOf(slugs.prefixes)); // "Alpha", "Bravo", "Charlie": prefixes, not the words
    expect(await matching("A. B. C.")).toEqual(found);
    expect(await matching(ONE_LETTERS)).toEqual(await holdingWholeWords(ONE_LETTERS.split(" ")));
    const page = await searchPublishedClaims({ q: "a b c" });
    expect(page.total).toBe(found.size);
    expect(page.items.map((i) => i.slug)).toContain(slugs.all);
  });

  it("should still match longer words as prefixes", async () => {
    expect(await matching("alph brav char")).toEqual(new Set([await idOf(slugs.prefixes)]));
    expect((await matching("trucks rout")).size).toBe(2);
    expect((await searchPublishedClaims({ q: "hospit" })).total).toBeGreaterThan(50);
  });

  it("should run any text a reader types, in any script, as a bounded query", async () => {
    const pieces = [...'aÉ北京ア한7² -"*&|!(', "e\u0301", "हि", "न्दी", ":*"];
    const typed = fc.oneof(
      fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 }),
      fc.string({ unit: "grapheme" }),
    );
    const letters = (word: string) => [...word.replace(/\p{M}/gu, "")].length;
    const syllabic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    const least = (word: string) => (/\p{Script=Hangul}/u.test(word) ? MIN_PREFIX_SYLLABLES : MIN_PREFIX_LETTERS);
    await fc.assert(
      fc.asyncProperty(typed, async (q) => {
        const terms = searchTerms(q);
        expect(terms.length).toBeLessThanOrEqual(MAX_SEARCH_WORDS);
        for (const { word, prefix } of terms) expect(prefix).toBe(syllabic.test(word) || letters(word) >= least(word));
        await searchPublishedClaims({ q });
      }),
      { numRuns: 100 },
    );
  });

  it("should find words of other scripts: a CJK character as a prefix, a word with combining marks whole", async () => {
    expect(searchTerms("北 京")).toEqual([
      { word: "北", prefix: true },
      { word: "京", prefix: true },
    ]);
    const id = await idOf(slugs.scripts);
    // Both engines index a run of CJK characters as one word: a prefix of it finds it.
    expect(await matching("北京")).toEqual(new Set([id]));
    expect(await matching("北")).toEqual(new Set([id]));
    // PostgreSQL indexes "हिन्दी" whole, FTS5 in pieces split at its marks (read back as a phrase): both find it.
    expect(searchTerms("हिन्दी भी")).toEqual([
      { word: "हिन्दी", prefix: true },
      { word: "भी", prefix: false },
    ]);
    expect(await matching("हिन्दी")).toEqual(new Set([id]));
    expect(await matching("हिन्दी भी")).toEqual(new Set([id]));
    expect(await matching("हिन्द")).toEqual(new Set([id])); // three letters: a prefix
  });
});
