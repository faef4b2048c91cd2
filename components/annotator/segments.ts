import { CodePointIndex } from "@/lib/anchoring/code-points";

/** A run of text covered by the same set of claims. Offsets are code points. */
export type Segment = { start: number; end: number; text: string; claimIds: number[] };
export type Paragraph = { start: number; end: number; segments: Segment[] };
export type Span = { id: number; start: number; end: number };

/**
 * Splits a canonical text into paragraphs (separated by blank lines) and each paragraph
 * into segments at every claim boundary, so overlapping and nested claims can be drawn:
 * a segment lists every claim that covers it. Rendering each segment as one text node
 * with its start offset lets a browser selection map back to exact code point offsets.
 */
export function buildParagraphs(text: string, spans: Span[]): Paragraph[] {
  const index = new CodePointIndex(text);
  const paragraphs: Paragraph[] = [];
  const re = /\n\n/g;
  let unitStart = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const unitEnd = m ? m.index : text.length;
    const start = index.toCodePoint(unitStart);
    const end = index.toCodePoint(unitEnd);
    if (end > start) paragraphs.push({ start, end, segments: segment(index, start, end, spans) });
    if (!m) break;
    unitStart = m.index + 2;
  }
  return paragraphs;
}

function segment(index: CodePointIndex, start: number, end: number, spans: Span[]): Segment[] {
  const inside = spans.filter((s) => s.start < end && s.end > start);
  const cuts = new Set([start, end]);
  for (const s of inside) {
    if (s.start > start) cuts.add(s.start);
    if (s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    out.push({
      start: a,
      end: b,
      text: index.slice(a, b),
      claimIds: inside.filter((s) => s.start <= a && s.end >= b).map((s) => s.id),
    });
  }
  return out;
}
