import { CodePointIndex } from "./code-points";
import { findCandidates, scoreMatch, type Candidate } from "./match-quote";
import { describeSpan, type SpanSelectors } from "./selectors";

/** Where a claim's selectors land in a text. Offsets are code points; null when orphaned. */
export type AnchorResult =
  | { status: "anchored" | "fuzzy"; start: number; end: number; score: number; selectors: SpanSelectors }
  | { status: "orphaned"; start: null; end: null; score: number; selectors: null };

/**
 * The thresholds that keep a claim from drifting to a look-alike sentence. An exact quote is
 * `anchored` only where at least one side of it (its prefix or its suffix) is still at least
 * 75 % the same — an edit next to a quote usually touches one side — and no other exact copy
 * is as well placed. Anything else — an edited quote, or the same words in other
 * surroundings — becomes `fuzzy` (a person confirms it) only if the quote is at least 75 %
 * the same, its surroundings at least half the same, its overall score at least 0.75, and it
 * leads any other place in the text by 0.05; otherwise the claim is `orphaned`.
 */
export const THRESHOLDS = {
  /** Prefix or suffix similarity for an exact quote to be trusted where it is. */
  anchorContext: 0.75,
  /** Difference in average prefix/suffix similarity that tells repeated exact quotes apart. */
  exactContextLead: 0.1,
  fuzzyQuote: 0.75,
  fuzzyContext: 0.5,
  fuzzyScore: 0.75,
  fuzzyLead: 0.05,
} as const;

const ORPHANED = (score: number): AnchorResult => ({
  status: "orphaned",
  start: null,
  end: null,
  score,
  selectors: null,
});

const contextScore = (c: Candidate) => (c.prefixScore + c.suffixScore) / 2;
const isConfirmedByContext = (c: Candidate) => Math.max(c.prefixScore, c.suffixScore) >= THRESHOLDS.anchorContext;
const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

function foundAt(index: CodePointIndex, status: "anchored" | "fuzzy", c: Candidate): AnchorResult {
  const start = index.toCodePoint(c.start);
  const end = index.toCodePoint(c.end);
  return { status, start, end, score: c.score, selectors: describeSpan(index, start, end) };
}

/**
 * The first rule of `anchorSelectors` alone: the quote at its stored position, confirmed by its context, is
 * `anchored` there; null otherwise. No search of the text: its cost is the quote's and its context's length, so a
 * caller anchoring many selectors in a long text can tell the cheap ones from those that need a search.
 */
export function anchorInPlace(index: CodePointIndex, sel: SpanSelectors): AnchorResult | null {
  const hint = index.toUnit(sel.start);
  if (sel.exact.length === 0 || !index.text.startsWith(sel.exact, hint)) return null;
  const here = scoreMatch(
    index.text,
    sel.exact,
    { start: hint, end: hint + sel.exact.length, errors: 0 },
    { prefix: sel.prefix, suffix: sel.suffix, hint },
  );
  return isConfirmedByContext(here) ? foundAt(index, "anchored", here) : null;
}

/**
 * Anchors W3C selectors in a (possibly edited) text: the stored position if the quote is
 * still there in its context; else an exact occurrence whose prefix and suffix confirm it;
 * else the best place among exact and approximate matches, as `fuzzy`, if it passes
 * THRESHOLDS. Repeated exact quotes that the context cannot tell apart come back `fuzzy`,
 * never a guess. With `exactOnly`, approximate matches are not sought (used for claims
 * already orphaned, so each edit does not search the whole text for every orphan again).
 */
export function anchorSelectors(
  text: string | CodePointIndex,
  sel: SpanSelectors,
  { exactOnly = false } = {},
): AnchorResult {
  const index = typeof text === "string" ? new CodePointIndex(text) : text;
  // The common case first: the quote is still where the edit moved it, in its context.
  const inPlace = anchorInPlace(index, sel);
  if (inPlace) return inPlace;
  const hint = index.toUnit(sel.start);
  const context = { prefix: sel.prefix, suffix: sel.suffix, hint };
  const found = (status: "anchored" | "fuzzy", c: Candidate) => foundAt(index, status, c);
  // Without an exact occurrence, this search already returns the approximate ones (as "always" below would).
  const searched = findCandidates(index.text, sel.exact, context, exactOnly ? "never" : "if-no-exact");
  const exact = searched.filter((c) => c.exact);
  const trusted = exact.filter(isConfirmedByContext);
  const atPosition = trusted.find((c) => c.start === hint);
  if (atPosition) return found("anchored", atPosition);
  if (trusted.length > 0) {
    const [best, second] = [...trusted].sort((a, b) => contextScore(b) - contextScore(a) || a.start - b.start);
    if (!second || contextScore(best!) - contextScore(second) >= THRESHOLDS.exactContextLead)
      return found("anchored", best!);
    // Same quote, same surroundings: the nearest one is only a guess; a person decides.
    const nearest = trusted.reduce((a, b) => (Math.abs(b.start - hint) < Math.abs(a.start - hint) ? b : a));
    return found("fuzzy", nearest);
  }
  if (exactOnly) return ORPHANED(exact[0]?.score ?? 0);

  const candidates = exact.length === 0 ? searched : findCandidates(index.text, sel.exact, context, "always");
  const best = candidates[0];
  if (!best) return ORPHANED(0);
  const runnerUp = candidates.find((c) => !overlaps(c, best));
  const isStrong =
    best.quoteScore >= THRESHOLDS.fuzzyQuote &&
    contextScore(best) >= THRESHOLDS.fuzzyContext &&
    best.score >= THRESHOLDS.fuzzyScore &&
    (!runnerUp || best.score - runnerUp.score >= THRESHOLDS.fuzzyLead);
  return isStrong ? found("fuzzy", best) : ORPHANED(best.score);
}

/**
 * Where selectors stand in a text word for word: the quote exactly, confirmed by its context (as `anchorSelectors`
 * finds it), with its context in that text; null otherwise. For showing a quote in a text it must be found in as is.
 */
export function anchorExactly(text: string | CodePointIndex, sel: SpanSelectors): SpanSelectors | null {
  const placed = anchorSelectors(text, sel, { exactOnly: true });
  return placed.status === "anchored" && placed.selectors.exact === sel.exact ? placed.selectors : null;
}
