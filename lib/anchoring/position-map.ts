import type { CodePointIndex } from "./code-points";

/**
 * Maps offsets of an old text to the new text across one edited region: everything before
 * the first difference stays, everything after the last one moves by the change in length,
 * and offsets inside the edited region keep their old value (a hint only). Editing one
 * place — the usual edit — thus gives every claim its exact new position, which matters
 * when the same words occur many times (boilerplate, repeated paragraphs).
 */
export function positionMapper(before: CodePointIndex, after: CodePointIndex): (cp: number) => number {
  const a = before.text;
  const b = after.text;
  let prefix = 0;
  const max = Math.min(a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  const prefixCp = before.toCodePoint(prefix);
  const oldTailCp = before.toCodePoint(a.length - suffix);
  const shift = after.toCodePoint(b.length - suffix) - oldTailCp;
  return (cp) => (cp <= prefixCp ? cp : cp >= oldTailCp ? cp + shift : cp);
}
