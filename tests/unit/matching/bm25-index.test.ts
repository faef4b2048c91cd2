import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bm25Index } from "@/lib/matching/bm25-index";
import { foldedWords, matchTerms, sharedWordRanges } from "@/lib/matching/terms";

describe("matchTerms", () => {
  it("should fold case and accents, drop links and stop words, and stem English words", () => {
    expect(matchTerms("The Civilians were KILLED in Mariupol’s hospital https://t.co/x pic.twitter.com/abc")).toEqual([
      "civilian",
      "kill",
      "mariupol",
      "hospit",
    ]);
    expect(matchTerms("Café déjà vu")).toEqual(["cafe", "deja", "vu"]);
    // Numbers stay as they are; other scripts' words are kept whole.
    expect(matchTerms("160 million in 2022")).toEqual(["160", "million", "2022"]);
    expect(matchTerms("Лавров заявив про пологовий будинок")).toEqual([
      "лавров",
      "заявив",
      "про",
      "пологовии",
      "будинок",
    ]);
    expect(foldedWords("Don't")).toEqual(["dont"]);
  });

  it("should find the shared words in the text itself, whatever their form", () => {
    const text = "Civilians were killed, a hospital said.";
    const ranges = sharedWordRanges(text, new Set(matchTerms("civilian killing")));
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(["Civilians", "killed"]);
  });
});

const doc = (text: string) => [{ terms: matchTerms(text), weight: 1 }];

describe("Bm25Index", () => {
  it("should rank the document that shares the rarer words first, and say which words it shares", () => {
    const index = new Bm25Index<string>();
    index.set("a", doc("A maternity hospital in Mariupol was struck by an air strike"));
    index.set("b", doc("The hospital was a military base, the minister said"));
    index.set("c", doc("Prices of bread rose in the spring"));
    const hits = index.search(matchTerms("air strike on the Mariupol maternity hospital"), 5);
    expect(hits.map((h) => h.key)).toEqual(["a", "b"]);
    expect(hits[0]!.terms.sort()).toEqual(["air", "hospit", "mariupol", "matern", "strike"]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("should count a heavier field more, replace a document under the same key, and take one out", () => {
    const index = new Bm25Index<number>();
    index.set(1, [
      { terms: matchTerms("vaccines alter DNA"), weight: 2 },
      { terms: matchTerms("Fact check"), weight: 1 },
    ]);
    index.set(2, [
      { terms: matchTerms("Fact check"), weight: 2 },
      { terms: matchTerms("vaccines alter DNA"), weight: 1 },
    ]);
    expect(index.search(matchTerms("do vaccines alter your DNA"), 2).map((h) => h.key)).toEqual([1, 2]);
    index.set(1, doc("something else entirely"));
    expect(index.search(matchTerms("vaccines"), 5).map((h) => h.key)).toEqual([2]);
    index.delete(2);
    index.delete(2);
    expect(index.size).toBe(1);
    expect(index.search(matchTerms("vaccines"), 5)).toEqual([]);
  });

  it("should leave out what the filter refuses before it takes a place", () => {
    const index = new Bm25Index<string>();
    for (let i = 0; i < 10; i++) index.set(`d${i}`, doc(`hospital ${"word ".repeat(i)}`));
    const hits = index.search(["hospit"], 3, (key) => key !== "d0" && key !== "d1");
    expect(hits.map((h) => h.key)).toEqual(["d2", "d3", "d4"]);
  });

  it("should rank exactly as a search over a fresh index holding the same documents, after any changes", () => {
    const words = ["war", "hospital", "strike", "bread", "price", "vaccine", "dna", "election", "vote", "fraud"];
    const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.option(text, { nil: null })), { maxLength: 60 }),
        text,
        (changes, query) => {
          const index = new Bm25Index<number>();
          const kept = new Map<number, string>();
          for (const [key, value] of changes) {
            if (value === null) {
              index.delete(key);
              kept.delete(key);
            } else {
              index.set(key, doc(value));
              kept.set(key, value);
            }
          }
          const fresh = new Bm25Index<number>();
          for (const [key, value] of [...kept].sort((a, b) => a[0] - b[0])) fresh.set(key, doc(value));
          const scores = (i: Bm25Index<number>) =>
            new Map(i.search(matchTerms(query), 100).map((h) => [h.key, h.score.toFixed(9)]));
          expect(index.size).toBe(kept.size);
          expect(scores(index)).toEqual(scores(fresh));
        },
      ),
      { numRuns: 200 },
    );
  });
});
