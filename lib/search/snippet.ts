import { MATCH_END, MATCH_START } from "@/db/queries/public/search-claims";
import { sharedWordRanges, wordRanges } from "@/lib/matching/terms";

/** How many words a snippet shows around the matches. */
const SNIPPET_WORDS = 16;
const MARKERS = new RegExp(`[${MATCH_START}${MATCH_END}]`, "g");

type Range = { start: number; end: number };

/**
 * The matched words of a search in context: of a claim's texts (in the order they are preferred), the one that holds
 * the most of them, cut to about sixteen words around them (“…” where it is cut), each match between `MATCH_START` and
 * `MATCH_END`. The words are found as the search found them (`sharedWordRanges`: the same terms), so whatever the
 * accents, case or form of a word in the text, the word that matched is the word marked. Null when no text holds one.
 */
export function snippetOf(texts: readonly string[], terms: ReadonlySet<string>): string | null {
  let best: { text: string; ranges: Range[] } | null = null;
  for (const raw of texts) {
    const text = raw.replace(MARKERS, "");
    const ranges = sharedWordRanges(text, terms);
    if (ranges.length > (best?.ranges.length ?? 0)) best = { text, ranges };
  }
  return best && mark(best.text, best.ranges);
}

/** The window of `SNIPPET_WORDS` words of `text` that holds the most ranges, with them marked. */
function mark(text: string, ranges: Range[]): string {
  const words = wordRanges(text);
  const first = bestWindow(words, ranges);
  const last = Math.min(words.length, first + SNIPPET_WORDS) - 1;
  const from = first === 0 ? 0 : words[first]!.start;
  const to = last === words.length - 1 ? text.length : words[last]!.end;
  let out = first === 0 ? "" : "…";
  let at = from;
  for (const r of ranges) {
    if (r.start < from || r.end > to) continue;
    out += text.slice(at, r.start) + MATCH_START + text.slice(r.start, r.end) + MATCH_END;
    at = r.end;
  }
  return out + text.slice(at, to) + (to === text.length ? "" : "…");
}

/**
 * The first word of the window that holds the most matched words: of the earliest such window, from one word before
 * its first match (the window holds as many then, or more), as far as the text goes on.
 */
function bestWindow(words: Range[], ranges: Range[]): number {
  if (words.length <= SNIPPET_WORDS) return 0;
  const matched = words.map((w) => ranges.some((r) => r.start < w.end && r.end > w.start));
  let best = 0;
  let bestCount = -1;
  let count = matched.slice(0, SNIPPET_WORDS).filter(Boolean).length;
  for (let first = 0; first + SNIPPET_WORDS <= words.length; first++) {
    if (first > 0) count += Number(matched[first + SNIPPET_WORDS - 1]) - Number(matched[first - 1]);
    if (count > bestCount) [best, bestCount] = [first, count];
  }
  const firstMatch = matched.indexOf(true, best);
  return Math.min(Math.max(best, firstMatch - 1), words.length - SNIPPET_WORDS);
}
