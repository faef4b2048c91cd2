/**
 * Quote matching after Hypothesis (`src/annotator/anchoring/match-quote.ts`, BSD-2-Clause):
 * exact occurrences of the quote first, otherwise approximate ones within
 * min(256, quote length / 2) edits (Myers' algorithm from `approx-string-match`); each
 * candidate scored on the quote, the prefix, the suffix and the distance to a position hint.
 * Offsets here are UTF-16 indices; `anchor.ts` converts to code points.
 */
import approxSearch from "approx-string-match";

export type QuoteContext = { prefix?: string; suffix?: string; hint?: number };

/** One place the quote may be, with the similarity of each part in [0, 1]. */
export type Candidate = {
  start: number;
  end: number;
  errors: number;
  exact: boolean;
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
  /** (50·quote + 20·prefix + 20·suffix + 2·position) / 92 */
  score: number;
};

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

type Match = { start: number; end: number; errors: number };

/** When approximate matches are sought: only without an exact one (Hypothesis's way), always, or never. */
export type Approximate = "if-no-exact" | "always" | "never";

/**
 * Every exact occurrence of `str`; with `always`, approximate matches within `maxErrors` too; with `if-no-exact`, only
 * when there is no exact one; with `never`, none (a search of the whole text per quote is what costs).
 */
function search(text: string, str: string, maxErrors: number, approximate: Approximate = "if-no-exact"): Match[] {
  const exact: Match[] = [];
  for (let pos = text.indexOf(str); pos !== -1; pos = text.indexOf(str, pos + 1)) {
    exact.push({ start: pos, end: pos + str.length, errors: 0 });
  }
  if (exact.length === 0) return approximate === "never" ? [] : approxSearch(text, str, maxErrors);
  if (approximate !== "always") return exact;
  // approx-string-match reports only the matches with the fewest errors, which would be the
  // exact ones: blank them out to find the best approximate places elsewhere.
  const pieces: string[] = [];
  let from = 0;
  for (const m of exact) {
    if (m.start < from) continue; // overlapping repeats ("aaa" in "aaaa") are already blanked
    pieces.push(text.slice(from, m.start), "\u0000".repeat(m.end - m.start));
    from = m.end;
  }
  const masked = pieces.join("") + text.slice(from);
  return [...exact, ...approxSearch(masked, str, maxErrors).filter((m) => m.errors > 0)];
}

/** How similar the best match of `str` inside `text` is: 1 − errors / length. */
function similarity(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  const errors = Math.min(...matches.map((m) => m.errors));
  return 1 - errors / str.length;
}

/**
 * Every candidate for `quote` in `text`, best first (ties: the earlier one). By default, as
 * Hypothesis does, approximate matches are sought only when there is no exact one;
 * `approximate: "always"` seeks both, to weigh a look-alike exact match against an edited original.
 */
export function findCandidates(
  text: string,
  quote: string,
  context: QuoteContext = {},
  approximate: Approximate = "if-no-exact",
): Candidate[] {
  if (quote.length === 0 || text.length === 0) return [];
  const maxErrors = Math.min(256, quote.length / 2);
  const candidates = search(text, quote, maxErrors, approximate).map((m) => scoreMatch(text, quote, m, context));
  return candidates.sort((a, b) => b.score - a.score || a.start - b.start);
}

/** Scores one match of `quote` in `text` on the quote, its prefix and suffix, and its distance to the hint. */
export function scoreMatch(text: string, quote: string, m: Match, context: QuoteContext): Candidate {
  const quoteScore = 1 - m.errors / quote.length;
  const prefixScore = context.prefix
    ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix)
    : 1;
  const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
  const positionScore = typeof context.hint === "number" ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
  const score =
    (WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * positionScore) /
    MAX_SCORE;
  return { ...m, exact: m.errors === 0, quoteScore, prefixScore, suffixScore, score };
}

/** The best match of `quote` in `text`, or null when there is none within the edit limit. */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
): { start: number; end: number; score: number } | null {
  const best = findCandidates(text, quote, context)[0];
  return best ? { start: best.start, end: best.end, score: best.score } : null;
}
