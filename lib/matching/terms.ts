import { stemmer } from "stemmer";

/**
 * English words that say nothing about what a claim is about (the usual list of retrieval systems, with the
 * contractions they write without an apostrophe here).
 */
const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are arent as at be because been before being below between " +
    "both but by cant cannot could couldnt did didnt do does doesnt doing dont down during each few for from further " +
    "had hadnt has hasnt have havent having he hed hell hes her here heres hers herself him himself his how hows i id " +
    "ill im ive if in into is isnt it its itself lets me more most mustnt my myself no nor not of off on once only or " +
    "other ought our ours ourselves out over own same shant she shed shell shes should shouldnt so some such than " +
    "that thats the their theirs them themselves then there theres these they theyd theyll theyre theyve this those " +
    "through to too under until up very was wasnt we wed well were weve werent what whats when whens where wheres " +
    "which while who whos whom why whys with wont would wouldnt you youd youll youre youve your yours yourself " +
    "yourselves"
  ).split(" "),
);

/** Links say where a text was, not what it claims: `https://…`, `www.…` and Twitter's `pic.twitter.com/…`. */
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+|\bpic\.twitter\.com\/\S+/giu;
/** A word: letters and digits of any script, with an apostrophe inside (“don't”, “Macron’s”). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const LATIN = /^[a-z0-9]+$/;

/** `#RedFort` → "Red Fort": a hashtag's words are words (tweets run them together). */
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const splitHashtag = (_: string, tag: string) =>
  ` ${tag
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/_/g, " ")} `;

/** Words as they are compared: accents folded, lower case, apostrophes dropped (“Macron’s” → “macrons”). */
export function foldedWords(text: string): string[] {
  const folded = text
    .replace(LINK, " ")
    .replace(HASHTAG, splitHashtag)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
  return (folded.match(WORD) ?? []).map((w) => w.replace(/['’]s$/u, "").replace(/['’]/gu, ""));
}

/** The words of a text that say what it is about: `foldedWords` without stop words. */
export function contentWords(text: string): string[] {
  return foldedWords(text).filter((w) => !STOP_WORDS.has(w));
}

/**
 * A word's index term: English (Latin-script) words reduced to their Porter stem ("civilians" and "civilian" →
 * "civilian"), numbers (“160”, “2022”: they often decide which claim is which) and other scripts' words as they are.
 */
export function termOf(word: string): string {
  return LATIN.test(word) && !/^\d+$/.test(word) ? stemmer(word) : word;
}

/** The index terms of a text: its content words' terms. */
export function matchTerms(text: string): string[] {
  return contentWords(text).map(termOf);
}

/**
 * Where in `text` the words are whose terms are in `terms` (UTF-16 offsets), to highlight why two texts match. The
 * offsets are found on the text itself, word by word, so they hold whatever its accents and case.
 */
export function sharedWordRanges(text: string, terms: ReadonlySet<string>): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const [term] = matchTerms(m[0]);
    if (term !== undefined && terms.has(term)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}
