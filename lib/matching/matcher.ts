import { stemmer } from "stemmer";
import { Bm25Index } from "./bm25-index";
import { contentWords, termOf } from "./terms";
import { vectorOf, type WordVectors } from "./word-vectors";

/** How many of BM25's best are re-ranked with word vectors: scanning every document found nothing more. */
const CANDIDATES = 100;
/** The weights of the re-ranking score, chosen on the dev halves of the CheckThat! sets (docs/claim-matching.md). */
const WEIGHT_MEAN = 0.5;
const WEIGHT_SOFT = 1.0;

export type Match<K> = { key: K; score: number; terms: string[] };

/**
 * Finds the documents (claims, known fact-checks) that say what a text says: BM25 over stemmed words picks the 100
 * best candidates, and word vectors re-rank them — `bm25 / best bm25 + 0.5 · cosine of the idf-weighted mean vectors +
 * 1.0 · soft match`, where the soft match is, over the text's words, the idf-weighted mean of each word's best cosine
 * to any of the candidate's words. Paraphrases ("killed" / "died", "jab" / "vaccine") count, but words still lead.
 * Without vectors (`null`) the ranking is BM25's alone. Documents go in and out one at a time.
 */
export class Matcher<K> {
  private readonly index = new Bm25Index<K>();
  /** Per document: the vector rows of its words, for the re-ranking. */
  private readonly rowsOf = new Map<K, Int32Array>();
  private readonly stemOfRow = new Map<number, string>();

  constructor(private readonly vectors: WordVectors | null) {}

  get size(): number {
    return this.index.size;
  }

  /** Puts a document in (or replaces it): its text, e.g. a claim with its fact-check's title. */
  set(key: K, text: string): void {
    const words = contentWords(text);
    this.index.set(key, [{ terms: words.map(termOf), weight: 1 }]);
    if (this.vectors) this.rowsOf.set(key, Int32Array.from(this.rowsFor(words)));
  }

  delete(key: K): void {
    this.index.delete(key);
    this.rowsOf.delete(key);
  }

  /** The `limit` documents that best match `text`, best first; `accept` leaves documents out beforehand. */
  search(text: string, limit: number, accept?: (key: K) => boolean): Match<K>[] {
    const words = contentWords(text);
    const candidates = this.index.search(words.map(termOf), Math.max(limit, CANDIDATES), accept);
    if (candidates.length === 0 || !this.vectors) return candidates.slice(0, limit);
    const vectors = this.vectors;
    const dims = vectors.dimensions;
    const best = candidates[0]!.score || 1;

    const queryRows = this.rowsFor(words);
    const query = queryRows.map((row) => vectorOf(vectors, row));
    const queryIdf = queryRows.map((row) => this.idfOfRow(row));
    const idfSum = queryIdf.reduce((a, x) => a + x, 0) || 1;
    const queryMean = unit(weightedSum(query, queryIdf, dims));

    // Candidates share many words: each distinct word is decoded, weighed and compared with the query's words once a
    // search (its vector times its idf, and its cosine to each query word).
    const seen = new Map<number, { weighted: Float32Array; cosines: Float32Array }>();
    const word = new Float32Array(dims);
    const wordOf = (row: number) => {
      let known = seen.get(row);
      if (!known) {
        vectorOf(vectors, row, word);
        const cosines = new Float32Array(query.length);
        for (let j = 0; j < query.length; j++) cosines[j] = dot(query[j]!, word);
        const idf = this.idfOfRow(row);
        const weighted = new Float32Array(dims);
        for (let d = 0; d < dims; d++) weighted[d] = idf * word[d]!;
        seen.set(row, (known = { weighted, cosines }));
      }
      return known;
    };
    const docMean = new Float32Array(dims);
    const nearest = new Float32Array(query.length);
    const scored = candidates.map((hit) => {
      docMean.fill(0);
      nearest.fill(0);
      for (const row of this.rowsOf.get(hit.key) ?? []) {
        const { weighted, cosines } = wordOf(row);
        for (let d = 0; d < dims; d++) docMean[d] = docMean[d]! + weighted[d]!;
        for (let j = 0; j < cosines.length; j++) if (cosines[j]! > nearest[j]!) nearest[j] = cosines[j]!;
      }
      let soft = 0;
      for (let j = 0; j < query.length; j++) soft += queryIdf[j]! * nearest[j]!;
      const score = hit.score / best + WEIGHT_MEAN * dot(queryMean, unit(docMean)) + (WEIGHT_SOFT * soft) / idfSum;
      return { ...hit, score };
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private rowsFor(words: readonly string[]): number[] {
    const rows: number[] = [];
    for (const w of words) {
      const row = this.vectors!.row.get(w);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }

  /** A word's weight: the idf of its stem in the index as it is now. */
  private idfOfRow(row: number): number {
    let stem = this.stemOfRow.get(row);
    if (stem === undefined) {
      stem = stemmer(wordOfRow(this.vectors!, row));
      this.stemOfRow.set(row, stem);
    }
    return this.index.idf(stem);
  }
}

const wordsOf = new WeakMap<WordVectors, string[]>();
function wordOfRow(vectors: WordVectors, row: number): string {
  let words = wordsOf.get(vectors);
  if (!words) {
    words = [];
    for (const [w, r] of vectors.row) words[r] = w;
    wordsOf.set(vectors, words);
  }
  return words[row]!;
}

function weightedSum(vs: readonly Float32Array[], weights: readonly number[], dims: number): Float32Array {
  const sum = new Float32Array(dims);
  vs.forEach((v, j) => {
    for (let d = 0; d < dims; d++) sum[d] = sum[d]! + weights[j]! * v[d]!;
  });
  return sum;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}

function unit(v: Float32Array): Float32Array {
  const n = Math.sqrt(dot(v, v));
  if (n > 0) for (let d = 0; d < v.length; d++) v[d] = v[d]! / n;
  return v;
}
