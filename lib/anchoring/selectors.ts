import { CodePointIndex } from "./code-points";

/** How many code points of context a TextQuoteSelector keeps on each side. */
export const CONTEXT_LENGTH = 32;

/** A W3C TextQuoteSelector and TextPositionSelector for one span of a text, in code points. */
export type SpanSelectors = { exact: string; prefix: string; suffix: string; start: number; end: number };

/** Describes the span [start, end) of a text (code point offsets) with both W3C selectors. */
export function describeSpan(text: string | CodePointIndex, start: number, end: number): SpanSelectors {
  const index = typeof text === "string" ? new CodePointIndex(text) : text;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > index.length) {
    throw new RangeError(`span ${start}–${end} is not inside a text of ${index.length} characters`);
  }
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH)),
    start,
    end,
  };
}

/**
 * Finds `quote` in `text` and describes it. When the quote occurs more than once, `after`
 * (a string that ends right before the quote) picks the occurrence; an ambiguous or
 * missing quote throws. For seed data and tests, where the quote is known to be there.
 */
export function locateQuote(text: string, quote: string, after = ""): SpanSelectors {
  const needle = after + quote;
  const first = text.indexOf(needle);
  if (first < 0) throw new Error(`quote not found: ${JSON.stringify(needle)}`);
  if (text.indexOf(needle, first + 1) >= 0) throw new Error(`quote is ambiguous: ${JSON.stringify(needle)}`);
  const index = new CodePointIndex(text);
  const start = index.toCodePoint(first + after.length);
  return describeSpan(index, start, index.toCodePoint(first + needle.length));
}
