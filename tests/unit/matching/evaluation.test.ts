import { describe, expect, it } from "vitest";
import { quantile, scoreRankings } from "@/lib/matching/evaluation";

describe("scoreRankings", () => {
  it("should compute MAP@5, MRR and Recall@5 as the CheckThat! scorer does", () => {
    const relevant = new Map([
      ["q1", new Set(["a"])],
      ["q2", new Set(["b", "c"])],
      ["q3", new Set(["d"])],
      ["q4", new Set<string>()], // no relevant result: left out
    ]);
    const rankings = new Map([
      ["q1", ["a", "x", "y"]], // AP 1, RR 1, recall 1
      ["q2", ["x", "b", "y", "c"]], // AP (1/2 + 2/4) / 2 = 0.5, RR 1/2, recall 1
      ["q3", ["x", "y", "z", "w", "v", "d"]], // found only at rank 6: AP 0, RR 1/6, recall@5 0
    ]);
    const s = scoreRankings(rankings, relevant);
    expect(s.inputs).toBe(3);
    expect(s.map).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
    expect(s.mrr).toBeCloseTo((1 + 0.5 + 1 / 6) / 3, 10);
    expect(s.recall).toBeCloseTo((1 + 1 + 0) / 3, 10);
  });

  it("should divide by the number of relevant results, at most five", () => {
    const relevant = new Map([["q", new Set(["a", "b", "c", "d", "e", "f", "g"])]]);
    expect(scoreRankings(new Map([["q", ["a", "b", "c", "d", "e"]]]), relevant).map).toBe(1);
    expect(scoreRankings(new Map([["q", ["a"]]]), relevant).map).toBeCloseTo(1 / 5, 10);
  });
});

describe("quantile", () => {
  it("should take the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
  });
});
