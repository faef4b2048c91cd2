import { CodePointIndex } from "./code-points";
import { findCandidates, type Candidate } from "./match-quote";
import { describeSpan, type SpanSelectors } from "./selectors";

/** Where a claim's selectors land in a text. Offsets are code points; null when orphaned. */
export type AnchorResult =
  | { status: "anchored" | "fuzzy"; start: number; end: number; score: number; selectors: SpanSelectors }
  | { status: "orphaned"; start: null; end: null; score: number; selectors: null };

/**
 * The thresholds that keep a claim from drifting to a look-alike sentence. An approximate
 * match becomes `fuzzy` (a person confirms it) only if the quote is at least 75 % the same,
 * its surroundings at least half the same, its overall score at least 0.75, and it leads
 * any other place in the text by 0.05; anything weaker is `orphaned`.
 */
export const THRESHOLDS = {
  /** Average prefix/suffix similarity for the stored position to be trusted as is. */
  positionContext: 0.75,
  /** Difference in average prefix/suffix similarity that tells repeated exact quotes apart. */
  exactContextLead: 0.1,
  fuzzyQuote: 0.75,
  fuzzyContext: 0.5,
  fuzzyScore: 0.75,
  fuzzyLead: 0.05,
} as const;

const ORPHANED = (score: number): AnchorResult => ({ status: "orphaned", start: null, end: null, score, selectors: null });

const contextScore = (c: Candidate) => (c.prefixScore + c.suffixScore) / 2;
const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

/**
 * Anchors W3C selectors in a (possibly edited) text: the stored position if the quote is
 * still there in its context; else a unique exact occurrence of the quote, or the one its
 * prefix and suffix clearly pick; else an approximate match that passes THRESHOLDS.
 * Repeated exact quotes that the context cannot tell apart come back `fuzzy`, never a guess.
 */
export function anchorSelectors(text: string | CodePointIndex, sel: SpanSelectors): AnchorResult {
  const index = typeof text === "string" ? new CodePointIndex(text) : text;
  const source = index.text;
  const hint = index.toUnit(sel.start);
  const found = (status: "anchored" | "fuzzy", c: Candidate): AnchorResult => {
    const start = index.toCodePoint(c.start);
    const end = index.toCodePoint(c.end);
    return { status, start, end, score: c.score, selectors: describeSpan(index, start, end) };
  };

  const candidates = findCandidates(source, sel.exact, { prefix: sel.prefix, suffix: sel.suffix, hint });
  if (candidates.length === 0) return ORPHANED(0);

  const exact = candidates.filter((c) => c.exact);
  if (exact.length > 0) {
    const atPosition = exact.find((c) => c.start === hint);
    if (atPosition && contextScore(atPosition) >= THRESHOLDS.positionContext) return found("anchored", atPosition);
    if (exact.length === 1) return found("anchored", exact[0]!);
    const [best, second] = [...exact].sort((a, b) => contextScore(b) - contextScore(a) || a.start - b.start);
    if (contextScore(best!) - contextScore(second!) >= THRESHOLDS.exactContextLead) return found("anchored", best!);
    // Same quote, same surroundings: the nearest one is only a guess; a person decides.
    const nearest = exact.reduce((a, b) => (Math.abs(b.start - hint) < Math.abs(a.start - hint) ? b : a));
    return found("fuzzy", nearest);
  }

  const best = candidates[0]!;
  const runnerUp = candidates.find((c) => !overlaps(c, best));
  const isStrong =
    best.quoteScore >= THRESHOLDS.fuzzyQuote &&
    contextScore(best) >= THRESHOLDS.fuzzyContext &&
    best.score >= THRESHOLDS.fuzzyScore &&
    (!runnerUp || best.score - runnerUp.score >= THRESHOLDS.fuzzyLead);
  return isStrong ? found("fuzzy", best) : ORPHANED(best.score);
}
