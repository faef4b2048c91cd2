/**
 * Conversions between JavaScript string indices (UTF-16 code units) and the Unicode code
 * point offsets that W3C TextPositionSelectors use. An emoji outside the BMP is one code
 * point but two code units.
 */

/** Number of code points in `s`. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The code point offset of UTF-16 index `unit` in `s`. */
export function unitToCodePoint(s: string, unit: number): number {
  return codePointLength(s.slice(0, unit));
}

/** The UTF-16 index of code point offset `cp` in `s` (clamped to the string's length). */
export function codePointToUnit(s: string, cp: number): number {
  let unit = 0;
  for (let n = 0; n < cp && unit < s.length; n++) {
    const c = s.charCodeAt(unit);
    const isPair = c >= 0xd800 && c <= 0xdbff && unit + 1 < s.length && (s.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
    unit += isPair ? 2 : 1;
  }
  return unit;
}

/** The substring between code point offsets `start` and `end`. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  const from = codePointToUnit(s, start);
  return s.slice(from, from + codePointToUnit(s.slice(from), end - start));
}
