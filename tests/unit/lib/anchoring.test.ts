import { describe, expect, it } from "vitest";
import { codePointLength, codePointToUnit, sliceCodePoints, unitToCodePoint } from "@/lib/anchoring/code-points";
import { describeSpan, locateQuote } from "@/lib/anchoring/selectors";

const TEXT = "Kuleba said “no” — 🇺🇦 then 😀 left.\n\nLavrov insisted.";

describe("code points", () => {
  it("should count characters outside the BMP once", () => {
    expect(codePointLength("a😀b")).toBe(3);
    expect("a😀b".length).toBe(4);
    expect(unitToCodePoint("a😀b", 3)).toBe(2);
    expect(codePointToUnit("a😀b", 2)).toBe(3);
    expect(sliceCodePoints("a😀b", 1, 2)).toBe("😀");
  });

  it("should round-trip every offset of a text with flags, emoji, curly quotes and dashes", () => {
    for (let cp = 0; cp <= codePointLength(TEXT); cp++) {
      expect(unitToCodePoint(TEXT, codePointToUnit(TEXT, cp))).toBe(cp);
    }
  });
});

describe("selectors", () => {
  it("should describe a span after emoji with code point offsets and 32-character context", () => {
    const start = [...TEXT].indexOf("l", [...TEXT].indexOf("😀"));
    const sel = describeSpan(TEXT, start, start + 4);
    expect(sel.exact).toBe("left");
    expect([...sel.prefix]).toHaveLength(Math.min(32, start));
    expect(sel.prefix.endsWith("😀 ")).toBe(true);
    expect(sel.suffix).toBe(".\n\nLavrov insisted.");
  });

  it("should refuse spans outside the text", () => {
    expect(() => describeSpan("abc", 2, 2)).toThrow(RangeError);
    expect(() => describeSpan("abc", 0, 4)).toThrow(RangeError);
  });

  it("should locate a unique quote, disambiguate a repeated one, and refuse an ambiguous one", () => {
    const text = "the hospital was hit; the hospital was empty";
    expect(() => locateQuote(text, "the hospital")).toThrow(/ambiguous/);
    expect(locateQuote(text, "the hospital", "hit; ").start).toBe(22);
    expect(() => locateQuote(text, "clinic")).toThrow(/not found/);
  });
});
