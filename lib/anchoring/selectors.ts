import { codePointLength, codePointToUnit, sliceCodePoints } from "./code-points";

/** How many code points of context a TextQuoteSelector keeps on each side. */
export const CONTEXT_LENGTH = 32;

/** A W3C TextQuoteSelector and TextPositionSelector for one span of a text, in code points. */
export type SpanSelectors = { exact: string; prefix: string; suffix: string; start: number; end: number };

/** Describes the span [start, end) of `text` (code point offsets) with both W3C selectors. */
export function describeSpan(text: string, start: number, end: number): SpanSelectors {
  const length = codePointLength(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
    throw new RangeError(`span ${start}–${end} is not inside a text of ${length} characters`);
  }
  return {
    exact: sliceCodePoints(text, start, end),
    prefix: sliceCodePoints(text, Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: sliceCodePoints(text, end, Math.min(length, end + CONTEXT_LENGTH)),
    start,
    end,
  };
}

/**
 * Finds `quote` in `text` and describes it. When the quote occurs more than once, `after`
 * (a string that ends right before the quote) picks the occurrence; an ambiguous or
 * missing quote throws.
 */
export function locateQuote(text: string, quote: string, after = ""): SpanSelectors {
  const needle = after + quote;
  const first = text.indexOf(needle);
  if (first < 0) throw new Error(`quote not found: ${JSON.stringify(needle)}`);
  if (text.indexOf(needle, first + 1) >= 0) throw new Error(`quote is ambiguous: ${JSON.stringify(needle)}`);
  const unitStart = first + after.length;
  const start = codePointLength(text.slice(0, unitStart));
  const result = describeSpan(text, start, start + codePointLength(quote));
  if (codePointToUnit(text, start) !== unitStart) throw new Error("offset conversion failed");
  return result;
}
