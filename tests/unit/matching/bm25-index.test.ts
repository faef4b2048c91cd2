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

  it("should fold case and accents in any script, and keep other scripts' words and marks", () => {
    expect(matchTerms("Маріуполь")).toEqual(matchTerms("маріуполь"));
    expect(matchTerms("Vacuná")).toEqual(matchTerms("vacuna"));
    expect(matchTerms("ΑΘΗΝΑ Αθήνα")).toEqual(["αθηνα", "αθηνα"]);
    expect(matchTerms("Straße STRASSE")).toEqual(["strass", "strass"]);
    // A vowel sign of Devanagari is part of its letter, not an accent: the word stays whole, as written.
    expect(matchTerms("हिन्दी")).toEqual(["हिन्दी"]);
    // Chinese and Japanese are written without spaces: each character is a word.
    expect(matchTerms("北京是首都 COVID疫苗")).toEqual(["北", "京", "是", "首", "都", "covid", "疫", "苗"]);
  });

  it("should mark the words of any script where they are in the text", () => {
    const text = "МАРІУПОЛЬ: la vacunación en 北京";
    const ranges = sharedWordRanges(text, new Set(matchTerms("маріуполь vacunacion 京")));
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(["МАРІУПОЛЬ", "vacunación", "京"]);
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

  it("should find the documents holding every term, all of them, with their scores", () => {
    const index = new Bm25Index<string>();
    index.set("a", doc("grain convoy reached Odesa"));
    index.set("b", doc("grain prices rose"));
    index.set("c", doc("a convoy of grain trucks reached the border"));
    const keys = (terms: string[], accept?: (key: string) => boolean) =>
      index
        .searchAll(terms, accept)
        .map((h) => h.key)
        .sort();
    expect(keys(matchTerms("grain convoy"))).toEqual(["a", "c"]);
    expect(keys(matchTerms("grain"))).toEqual(["a", "b", "c"]);
    expect(keys(matchTerms("grain convoy"), (key) => key !== "a")).toEqual(["c"]);
    expect(keys(matchTerms("grain bread"))).toEqual([]); // a term in no document
    const [hit] = index.searchAll(matchTerms("odesa convoy"));
    expect(hit).toMatchObject({ key: "a", terms: expect.arrayContaining(["odesa", "convoi"]) });
    expect(hit!.score).toBeCloseTo(index.search(matchTerms("odesa convoy"), 1)[0]!.score, 9);
  });

  it("should rank as a fresh index after most of its documents were taken out (and the index compacted)", () => {
    const words = ["war", "hospital", "strike", "bread", "price", "vaccine", "dna", "election", "vote", "fraud"];
    const text = (i: number) => Array.from({ length: 6 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(" ");
    const index = new Bm25Index<number>();
    for (let i = 0; i < 4000; i++) index.set(i, doc(text(i)));
    for (let i = 0; i < 4000; i++) if (i % 10 !== 0) index.delete(i);
    for (let i = 0; i < 4000; i += 20) index.set(i, doc(`${text(i + 1)} fraud`));
    const fresh = new Bm25Index<number>();
    for (let i = 0; i < 4000; i += 10) fresh.set(i, doc(i % 20 === 0 ? `${text(i + 1)} fraud` : text(i)));
    for (const query of ["hospital strike", "fraud", "vote bread dna"]) {
      const scores = (x: Bm25Index<number>) =>
        new Map(x.searchAll(matchTerms(query)).map((h) => [h.key, h.score.toFixed(9)]));
      expect(scores(index)).toEqual(scores(fresh));
      expect(index.search(matchTerms(query), 50).map((h) => h.key)).toEqual(
        fresh.search(matchTerms(query), 50).map((h) => h.key),
      );
    }
    expect(index.size).toBe(400);
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
