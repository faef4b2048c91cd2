import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { readSearchTexts, SEARCH_FIELDS } from "@/db/queries/public/search-texts";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { generateDataset } from "@/lib/bench/dataset";
import { foldedWords, matchTerms, termOf } from "@/lib/matching/terms";
import { MAX_SEARCH_TERMS, searchPublishedClaims, searchTermsOf } from "@/lib/search/search-published-claims";
import { createClaim } from "@/lib/services/claims/create-claim";
import { importDocument } from "@/lib/services/documents/import-document";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { createTestDb, type TestDb } from "../support/db";

/**
 * Whatever a reader types, a search costs no more than an ordinary one: it is run as at most `MAX_SEARCH_TERMS` terms
 * of the claim matcher, each a whole term — one posting list of the public search index read per term, never the lists
 * of every word beginning with some letters — so a search of many one-letter words ("a b c d e f g h i j k l") reads a
 * dozen lists at most, as any search of a dozen words does. Shown on 3,000 generated claims without timing anything:
 * by the terms a search runs as, and by what it finds — exactly the claims holding every one of those terms.
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

/** The published claims whose texts hold every one of these terms (the oracle, read and analysed here). */
async function holdingTerms(terms: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let after = 0; ;) {
    const batch = await readSearchTexts(after, 1000);
    for (const text of batch) {
      const held = new Set(SEARCH_FIELDS.flatMap((field) => matchTerms(text[field])));
      if (terms.every((term) => held.has(term))) found.add(await slugOf(text.id));
    }
    if (batch.length < 1000) return found;
    after = batch.at(-1)!.id;
  }
}

const slugOf = async (id: number) =>
  (await queryRow<{ slug: string }>(t.db, sql`select slug from claims where id = ${id}`))!.slug;

/** Every claim a search finds, over all its pages. */
async function found(q: string): Promise<Set<string>> {
  const slugs = new Set<string>();
  for (let page = 1; ; page++) {
    const result = await searchPublishedClaims({ q, page });
    for (const item of result.items) slugs.add(item.slug);
    if (page >= result.pages) return slugs;
  }
}

describe("the cost of a search", () => {
  it("should run as at most MAX_SEARCH_TERMS whole terms, each the term of a word typed", () => {
    expect(searchTermsOf(ONE_LETTERS)).toEqual(["b", "c", "d", "e", "f", "g", "h", "j", "k", "l"]); // a, i: stop words
    const many = "a bb ccc dddd e ff ggg hhhh i jj kkk llll m nn ooo pppp q rr sss tttt u vv www xxxx y zz";
    expect(searchTermsOf(many)).toHaveLength(MAX_SEARCH_TERMS);
    // The same word twice, in any case or form, is one term; punctuation is no syntax.
    expect(searchTermsOf("b B b. (b) b* B:* c")).toEqual(searchTermsOf("b c"));
    expect(searchTermsOf("hospitals Hospital")).toEqual(["hospit"]);
  });

  it("should find exactly the claims holding every term, in any case", async () => {
    const abc = await found("a b c");
    expect(abc).toEqual(await holdingTerms(["b", "c"]));
    expect(abc).toContain(slugs.all);
    expect(abc).not.toContain(slugs.two); // no "c"
    expect(abc).not.toContain(slugs.prefixes); // "Bravo", "Charlie": words of their own, not "b" and "c"
    expect(await found("A. B. C.")).toEqual(abc);
    expect(await found(ONE_LETTERS)).toEqual(await holdingTerms(searchTermsOf(ONE_LETTERS)!));
    expect((await searchPublishedClaims({ q: "a b c" })).total).toBe(abc.size);
  });

  it("should match words by their terms, not as prefixes", async () => {
    expect(await found("alpha bravo charlie")).toEqual(new Set([slugs.prefixes]));
    expect(await found("alph brav char")).toEqual(new Set());
    expect((await found("trucks route")).size).toBe(2);
    expect((await searchPublishedClaims({ q: "hospitals" })).total).toBeGreaterThan(50);
  });

  it("should run any text a reader types, in any script, as a bounded query", async () => {
    const pieces = [...'aÉ北京ア한7² -"*&|!(', "e\u0301", "हि", "न्दी", ":*"];
    const typed = fc.oneof(
      fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 }),
      fc.string({ unit: "grapheme" }),
    );
    await fc.assert(
      fc.asyncProperty(typed, async (q) => {
        const terms = searchTermsOf(q) ?? [];
        expect(terms.length).toBeLessThanOrEqual(MAX_SEARCH_TERMS);
        const words = new Set(foldedWords(q).map(termOf));
        for (const term of terms) expect(words).toContain(term);
        await searchPublishedClaims({ q });
      }),
      { numRuns: 100 },
    );
  });

  it("should find words of other scripts: each Chinese or Japanese character a word, a word with marks whole", async () => {
    expect(searchTermsOf("北京")).toEqual(["北", "京"]);
    expect(await found("北京")).toEqual(new Set([slugs.scripts]));
    expect(await found("北")).toEqual(new Set([slugs.scripts]));
    expect(await found("首都 北京")).toEqual(new Set([slugs.scripts]));
    expect(searchTermsOf("हिन्दी भी")).toEqual(["हिन्दी", "भी"]);
    expect(await found("हिन्दी")).toEqual(new Set([slugs.scripts]));
    expect(await found("हिन्दी भी")).toEqual(new Set([slugs.scripts]));
    expect(await found("हिन्द")).toEqual(new Set()); // a part of a word is not the word
  });
});
