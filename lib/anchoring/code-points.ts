/**
 * Conversions between JavaScript string indices (UTF-16 code units) and the Unicode code
 * point offsets that W3C TextPositionSelectors use. An emoji outside the BMP is one code
 * point but two code units.
 */

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isPairAt(s: string, unit: number): boolean {
  return isHighSurrogate(s.charCodeAt(unit)) && unit + 1 < s.length && (s.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
}

/** Number of code points in `s`. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) if (isPairAt(s, i)) i++;
  return n;
}

/** The code point offset of UTF-16 index `unit` in `s`. */
export function unitToCodePoint(s: string, unit: number): number {
  return codePointLength(s.slice(0, unit));
}

/** The UTF-16 index of code point offset `cp` in `s` (clamped to the string's length). */
export function codePointToUnit(s: string, cp: number): number {
  let unit = 0;
  for (let n = 0; n < cp && unit < s.length; n++) unit += isPairAt(s, unit) ? 2 : 1;
  return unit;
}

/** The substring between code point offsets `start` and `end`. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  const from = codePointToUnit(s, start);
  return s.slice(from, from + codePointToUnit(s.slice(from), end - start));
}

/**
 * Constant-time conversions for one (possibly long) text: re-anchoring a thousand claims on
 * a 200,000-character document must not rescan the text for each one. Texts without
 * surrogate pairs (most) need no table at all.
 */
export class CodePointIndex {
  readonly length: number;
  private readonly cpToUnit: Int32Array | null;
  private readonly unitToCp: Int32Array | null;

  constructor(readonly text: string) {
    if (!/[\ud800-\udbff][\udc00-\udfff]/.test(text)) {
      this.length = text.length;
      this.cpToUnit = this.unitToCp = null;
      return;
    }
    const cpToUnit: number[] = [];
    const unitToCp = new Int32Array(text.length + 1);
    let cp = 0;
    for (let unit = 0; unit < text.length; cp++) {
      cpToUnit.push(unit);
      unitToCp[unit] = cp;
      if (isPairAt(text, unit)) {
        unitToCp[unit + 1] = cp + 1; // inside a pair: rounds up to the next code point
        unit += 2;
      } else unit += 1;
    }
    cpToUnit.push(text.length);
    unitToCp[text.length] = cp;
    this.length = cp;
    this.cpToUnit = Int32Array.from(cpToUnit);
    this.unitToCp = unitToCp;
  }

  /** UTF-16 index of a code point offset (clamped to the text). */
  toUnit(cp: number): number {
    const c = Math.max(0, Math.min(cp, this.length));
    return this.cpToUnit ? this.cpToUnit[c]! : c;
  }

  /** Code point offset of a UTF-16 index (clamped to the text). */
  toCodePoint(unit: number): number {
    const u = Math.max(0, Math.min(unit, this.text.length));
    return this.unitToCp ? this.unitToCp[u]! : u;
  }

  /** The text between two code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUnit(start), this.toUnit(end));
  }
}
