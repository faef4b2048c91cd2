import { beforeAll, describe, expect, it } from "vitest";
import { Matcher } from "@/lib/matching/matcher";
import { contentWords, matchTerms } from "@/lib/matching/terms";
import { loadWordVectors, vectorOf, type WordVectors } from "@/lib/matching/word-vectors";

let vectors: WordVectors;
beforeAll(() => {
  vectors = loadWordVectors();
}, 60_000);

const cosine = (a: string, b: string) => {
  const [x, y] = [vectorOf(vectors, vectors.row.get(a)!), vectorOf(vectors, vectors.row.get(b)!)];
  return x.reduce((s, v, d) => s + v * y[d]!, 0);
};

describe("word vectors", () => {
  it("should hold the 100,000 most frequent words, of unit length, near words near", () => {
    expect(vectors.row.size).toBe(100_000);
    expect(cosine("hospital", "hospital")).toBeCloseTo(1, 2);
    expect(cosine("vaccine", "vaccination")).toBeGreaterThan(cosine("vaccine", "football"));
    expect(cosine("killed", "died")).toBeGreaterThan(0.5);
  });
});

describe("Matcher", () => {
  it("should split hashtags into words", () => {
    expect(contentWords("Breaking: #RedFort stormed #COVID19")).toEqual([
      "breaking",
      "red",
      "fort",
      "stormed",
      "covid",
      "19",
    ]);
    expect(matchTerms("#MaternityHospital")).toEqual(["matern", "hospit"]);
  });

  it("should rank a paraphrase above a text that shares one word only", () => {
    const m = new Matcher<string>(vectors);
    m.set("strike", "Russian forces shelled a maternity hospital in Mariupol, killing three");
    m.set("toys", "Children's toys recalled after a hospital found lead paint");
    m.set("bread", "The price of bread rose in Kyiv");
    const hits = m.search("Russian troops bombed the children's hospital in Mariupol", 3);
    expect(hits.map((h) => h.key)).toEqual(["strike", "toys"]);
    expect(hits[0]!.terms).toEqual(expect.arrayContaining(["russian", "hospit", "mariupol"]));
  });

  it("should let vectors decide between texts that share the same words", () => {
    const m = new Matcher<string>(vectors);
    m.set("deaths", "Vaccine linked to deaths of elderly patients");
    m.set("prices", "Vaccine prices set by the government");
    // Both share "vaccine" only; "died" and "people" are near "deaths" and "patients".
    expect(m.search("Old people died after the vaccine", 2).map((h) => h.key)).toEqual(["deaths", "prices"]);
    const words = new Matcher<string>(null);
    words.set("deaths", "Vaccine linked to deaths of elderly patients");
    words.set("prices", "Vaccine prices set by the government");
    expect(words.search("Old people died after the vaccine", 2)).toHaveLength(2);
  });

  it("should take documents out and leave out what the filter refuses", () => {
    const m = new Matcher<number>(vectors);
    m.set(1, "The hospital was a military base");
    m.set(2, "The hospital was struck by an air strike");
    m.delete(1);
    expect(m.size).toBe(1);
    expect(m.search("hospital military base", 5).map((h) => h.key)).toEqual([2]);
    expect(m.search("hospital", 5, (key) => key !== 2)).toEqual([]);
  });
});
