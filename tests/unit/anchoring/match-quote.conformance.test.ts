import approxSearch from "approx-string-match";
import { describe, expect, it } from "vitest";
import { anchorSelectors } from "@/lib/anchoring";
import { matchQuote } from "@/lib/anchoring/match-quote";
import { HAS_STANDARDS, NO_STANDARDS_REASON, readStandard } from "../../support/standards";

type Expect = { matched?: string; score?: number; scoreBetween?: [number, number]; null?: boolean; startOf?: string };
type Case = {
  name: string;
  text?: string;
  rawText?: string;
  quote?: string;
  quoteFromFixture?: string;
  context?: { prefix?: string; suffix?: string };
  expect: Expect;
};
type Cases = {
  fixtures: Record<string, string>;
  cases: Case[];
  orderings: {
    name: string;
    text: string;
    quote?: string;
    quotes?: string[];
    prefixes?: string[];
    suffixes?: string[];
  }[];
  hint: {
    text: string;
    quote: string;
    posA: { indexOf: string; plus: string };
    posB: { indexOf: string; plus: string };
  };
};

if (!HAS_STANDARDS) console.warn(`skipping anchoring conformance: ${NO_STANDARDS_REASON}`);

const EMPTY: Cases = { fixtures: {}, cases: [], orderings: [], hint: undefined as unknown as Cases["hint"] };

describe.skipIf(!HAS_STANDARDS)("matchQuote against hypothesis/client's cases", () => {
  const data = HAS_STANDARDS ? readStandard<Cases>("anchoring/match-quote-cases.json") : EMPTY;
  const textOf = (c: { text?: string; rawText?: string }) =>
    c.rawText !== undefined ? c.rawText : data.fixtures[c.text!]!;

  it.each(data.cases)("$name", (c) => {
    const text = textOf(c);
    const quote = c.quoteFromFixture ? data.fixtures[c.quoteFromFixture]! : c.quote!;
    const match = matchQuote(text, quote, c.context);
    if (c.expect.null) {
      expect(match).toBeNull();
      return;
    }
    expect(match).not.toBeNull();
    if (c.expect.matched !== undefined) expect(text.slice(match!.start, match!.end)).toBe(c.expect.matched);
    if (c.expect.score !== undefined) expect(match!.score).toBe(c.expect.score);
    if (c.expect.scoreBetween) {
      expect(match!.score).toBeGreaterThan(c.expect.scoreBetween[0]);
      expect(match!.score).toBeLessThan(c.expect.scoreBetween[1]);
    }
    if (c.expect.startOf !== undefined) expect(match!.start).toBe(text.indexOf(c.expect.startOf));
  });

  // Claimdesk's own rule on the same cases: no match stays orphaned, an exact one stays
  // exactly where it is, and an approximate one is never silently anchored.
  it.each(data.cases)("anchorSelectors: $name", (c) => {
    const text = textOf(c);
    const quote = c.quoteFromFixture ? data.fixtures[c.quoteFromFixture]! : c.quote!;
    if (!quote) return;
    const hint = Math.max(0, [...text].length - 1);
    const result = anchorSelectors(text, {
      exact: quote,
      prefix: c.context?.prefix ?? "",
      suffix: c.context?.suffix ?? "",
      start: 0,
      end: Math.min(hint, [...quote].length),
    });
    if (c.expect.null) return expect(result.status).toBe("orphaned");
    if (c.expect.score === 1) return expect(result).toMatchObject({ status: "anchored", selectors: { exact: quote } });
    if (result.status === "orphaned") return;
    // Wherever it lands, it is the place Hypothesis's rules pick, never another one.
    const units = [...text].slice(0, result.start).join("").length;
    if (c.expect.startOf !== undefined) expect(units).toBe(text.indexOf(c.expect.startOf));
    if (c.expect.matched !== undefined) expect(result.selectors.exact).toBe(c.expect.matched);
    if (result.selectors.exact !== quote) expect(result.status).toBe("fuzzy");
  });

  it.each(data.orderings)("$name", (o) => {
    const text = data.fixtures[o.text]!;
    const scores = o.quotes
      ? o.quotes.map((q) => matchQuote(text, q)!.score)
      : (o.prefixes ?? o.suffixes)!.map(
          (ctx) => matchQuote(text, o.quote!, o.prefixes ? { prefix: ctx } : { suffix: ctx })!.score,
        );
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it("should let a position hint break ties between equal matches, and pick the lowest start without one", () => {
    const h = data.hint;
    const text = data.fixtures[h.text]!;
    const posA = text.indexOf(h.posA.indexOf) + h.posA.plus.length;
    const posB = text.indexOf(h.posB.indexOf) + h.posB.plus.length;
    expect(matchQuote(text, h.quote, { hint: posA })!.start).toBe(posA);
    expect(matchQuote(text, h.quote, { hint: posB })!.start).toBe(posB);
    expect(matchQuote(text, h.quote)!.start).toBe(Math.min(posA, posB));
  });
});

type Repeat = { repeat: [string, number][] };
type Expected = { start: number; end: number; errors: number }[];
type ApproxCases = {
  fixtures: [string | Repeat, string | Repeat, Expected][];
  exact: {
    name: string;
    text: string;
    pattern?: string;
    slice?: [number, number];
    maxErrors: number;
    expect: Expected;
  }[];
  counts: { name: string; text: Repeat; pattern: string; maxErrors: number; count: number }[];
  long_text: { text: string; pattern: string; maxErrors: number; everyMatchSlices: string };
};

describe.skipIf(!HAS_STANDARDS)("approx-string-match against its own cases", () => {
  const data = HAS_STANDARDS
    ? readStandard<ApproxCases>("anchoring/approx-search-cases.json")
    : ({ fixtures: [], exact: [], counts: [] } as unknown as ApproxCases);
  const build = (s: string | Repeat) =>
    typeof s === "string" ? s : s.repeat.map(([str, n]) => str.repeat(n)).join("");
  it.each(data.fixtures.map((f, i) => [i, ...f] as const))("fixture %i", (_i, text, pattern, acceptable) => {
    const p = build(pattern);
    const matches = approxSearch(build(text), p, p.length);
    const minErrors = Math.min(...matches.map((m) => m.errors));
    const best = matches.filter((m) => m.errors === minErrors);
    expect(best.length).toBeGreaterThan(0);
    for (const m of best) expect(acceptable).toContainEqual(m);
  });

  it.each(data.exact)("$name", (c) => {
    const pattern = c.pattern ?? c.text.slice(...c.slice!);
    expect(approxSearch(c.text, pattern, c.maxErrors)).toEqual(c.expect);
  });

  it.each(data.counts)("$name", (c) => {
    expect(approxSearch(build(c.text), c.pattern, c.maxErrors)).toHaveLength(c.count);
  });

  it("should find every match of a misspelt word in a long text", () => {
    const { text, pattern, maxErrors, everyMatchSlices } = data.long_text;
    const matches = approxSearch(text, pattern, maxErrors);
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(everyMatchSlices);
  });
});
