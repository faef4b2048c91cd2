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
const MAY_LINK = /http|www\.|pic\.twitter/i;
/**
 * A word: a letter or digit of any script, then letters, digits and combining marks (Devanagari's vowel signs belong
 * to their word), with an apostrophe inside (“don't”, “Macron’s”).
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;
const LATIN = /^[a-z0-9]+$/;
/**
 * What folding drops once letters are decomposed (é → e + ◌́, й → и + ◌̆): the marks of the combining diacritical
 * blocks, and variation selectors. Other scripts' marks are parts of their letters and stay.
 */
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f]/gu;
/** Scripts written without spaces, in which a character is a word or a syllable: each is a word of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_PIECE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** `#RedFort` → "Red Fort": a hashtag's words are words (tweets run them together). */
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const splitHashtag = (_: string, tag: string) =>
  ` ${tag
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/_/g, " ")} `;

/** Lower case without accents, in any script: "Маріуполь" and "маріуполь", "Vacuna" and "vacuná" fold alike. */
function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(ACCENTS, "").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
}

/** A word as it is compared: apostrophes dropped, a possessive's “s” too (“Macron’s” → “macron”). */
const withoutApostrophes = (word: string) =>
  word.includes("'") || word.includes("’") ? word.replace(/['’]s$/u, "").replace(/['’]/gu, "") : word;

/** Adds the words of a folded run to `words`: each character of Chinese or Japanese apart, the rest as words. */
function addUnspaced(run: string, words: string[]): void {
  for (const piece of run.match(UNSPACED_PIECE) ?? []) {
    if (UNSPACED.test(piece)) words.push(piece);
    else for (const word of piece.match(WORD) ?? []) words.push(withoutApostrophes(word));
  }
}

/**
 * Words as they are compared: accents folded, lower case, apostrophes dropped (“Macron’s” → “macron”), in any script;
 * a character of Chinese or Japanese is a word (they are written without spaces).
 */
export function foldedWords(text: string): string[] {
  const unlinked = MAY_LINK.test(text) ? text.replace(LINK, " ") : text;
  const folded = fold(unlinked.includes("#") ? unlinked.replace(HASHTAG, splitHashtag) : unlinked);
  const mayBeUnspaced = NON_ASCII.test(folded) && UNSPACED.test(folded);
  const words: string[] = [];
  for (const run of folded.match(WORD) ?? []) {
    if (mayBeUnspaced && UNSPACED.test(run)) addUnspaced(run, words);
    else words.push(withoutApostrophes(run));
  }
  return words;
}

/** The words of a text that say what it is about: `foldedWords` without stop words. */
export function contentWords(text: string): string[] {
  return foldedWords(text).filter((w) => !STOP_WORDS.has(w));
}

/** Stems already found: a desk's vocabulary is small next to its texts, and stemming is most of the analysis. */
const STEMS = new Map<string, string>();
const MAX_STEMS = 200_000;
const MAX_MEMO_WORD = 40;

/**
 * A word's index term: English (Latin-script) words reduced to their Porter stem ("civilians" and "civilian" →
 * "civilian"), numbers (“160”, “2022”: they often decide which claim is which) and other scripts' words as they are.
 */
export function termOf(word: string): string {
  if (!LATIN.test(word) || /^\d+$/.test(word)) return word;
  // Real words are short: a long one (a typed or crafted string) is stemmed without taking room in the memo.
  if (word.length > MAX_MEMO_WORD) return stemmer(word);
  let stem = STEMS.get(word);
  if (stem === undefined) {
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    stem = stemmer(word);
    STEMS.set(word, stem);
  }
  return stem;
}

/** The index terms of a text: its content words' terms. */
export function matchTerms(text: string): string[] {
  return contentWords(text).map(termOf);
}

/** The term of one word as `matchTerms` makes it (none for a stop word): directly for a word of ASCII letters. */
function termOfWord(word: string): string | undefined {
  if (NON_ASCII.test(word)) return matchTerms(word)[0];
  const folded = withoutApostrophes(word.toLowerCase());
  return STOP_WORDS.has(folded) ? undefined : termOf(folded);
}

/** Where the words of a text are (UTF-16 offsets), as `foldedWords` finds them before it folds them. */
export function wordRanges(text: string): { start: number; end: number }[] {
  return Array.from(text.matchAll(WORD), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Where in `text` the words are whose terms are in `terms` (UTF-16 offsets), to highlight why two texts match. The
 * offsets are found on the text itself, word by word, so they hold whatever its accents and case; in a run of Chinese
 * or Japanese, each character that matches is marked.
 */
export function sharedWordRanges(text: string, terms: ReadonlySet<string>): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    if (NON_ASCII.test(m[0]) && UNSPACED.test(m[0])) {
      for (const piece of m[0].matchAll(UNSPACED_PIECE)) {
        const start = m.index + piece.index;
        if (UNSPACED.test(piece[0])) {
          if (terms.has(fold(piece[0]))) ranges.push({ start, end: start + piece[0].length });
        } else
          ranges.push(
            ...sharedWordRanges(piece[0], terms).map((r) => ({ start: start + r.start, end: start + r.end })),
          );
      }
      continue;
    }
    const term = termOfWord(m[0]);
    if (term !== undefined && terms.has(term)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}
