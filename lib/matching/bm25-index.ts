import { topK } from "./top-k";

/**
 * An inverted index in memory, ranked by Okapi BM25 (k1 1.2, b 0.75 unless told), that takes documents in and out one
 * at a time: what the claim matcher and the public search retrieve with. Documents are kept as their terms (see
 * `matchTerms`) with a weight per field, so that a fact-check's claim can count more than its title (BM25F-style:
 * weighted term frequencies and length).
 *
 * A search reads the postings of the query's terms only: the cost grows with how many documents share its words, not
 * with the size of the index. Postings are flat arrays of (document number, weighted frequency) pairs, a few bytes
 * each, so that a hundred thousand claims with all their texts fit in tens of megabytes. A document taken out leaves
 * its postings behind, skipped by every search, until they are as many as the live ones: then the index is compacted
 * in one pass (a document's number is never given to another before that).
 */
export type Bm25Options = { k1?: number; b?: number };
export type Field = { terms: readonly string[]; weight: number };
export type Hit<K> = { key: K; score: number; terms: string[] };

/** Postings left behind by documents taken out, below which the index is never compacted. */
const MIN_COMPACTION = 10_000;

export class Bm25Index<K> {
  private readonly k1: number;
  private readonly b: number;
  private termIds = new Map<string, number>();
  /** Per term id: the term. */
  private terms: string[] = [];
  /** Per term id: document number and weighted frequency, one after the other. */
  private postings: number[][] = [];
  /** Per term id: how many live documents hold it. */
  private df: number[] = [];
  private readonly numberOf = new Map<K, number>();
  private keys: (K | undefined)[] = [];
  private lengths: number[] = [];
  private termsOf: (number[] | undefined)[] = [];
  private totalLength = 0;
  private count = 0;
  private livePostings = 0;
  private deadPostings = 0;
  /** Scratch space of the searches, by document number (a search runs to its end before another starts). */
  private scores = new Float64Array(0);
  private held = new Uint16Array(0);

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.count;
  }

  has(key: K): boolean {
    return this.numberOf.has(key);
  }

  /** Puts a document in (replacing one with the same key): its fields' terms, each counted `weight` times. */
  set(key: K, fields: readonly Field[]): void {
    this.delete(key);
    const frequencies = new Map<number, number>();
    let length = 0;
    for (const { terms, weight } of fields) {
      for (const term of terms) {
        const id = this.idOf(term);
        frequencies.set(id, (frequencies.get(id) ?? 0) + weight);
      }
      length += terms.length * weight;
    }
    const n = this.keys.length;
    this.keys.push(key);
    this.lengths.push(length);
    this.termsOf.push([...frequencies.keys()]);
    this.numberOf.set(key, n);
    for (const [id, frequency] of frequencies) {
      this.postings[id]!.push(n, frequency);
      this.df[id]!++;
    }
    this.livePostings += frequencies.size;
    this.totalLength += length;
    this.count++;
  }

  /** Takes a document out; nothing happens for a key that is not in. */
  delete(key: K): void {
    const n = this.numberOf.get(key);
    if (n === undefined) return;
    const terms = this.termsOf[n]!;
    for (const id of terms) this.df[id]!--;
    this.livePostings -= terms.length;
    this.deadPostings += terms.length;
    this.totalLength -= this.lengths[n]!;
    this.count--;
    this.numberOf.delete(key);
    this.keys[n] = undefined;
    this.termsOf[n] = undefined;
    if (this.deadPostings > Math.max(MIN_COMPACTION, this.livePostings)) this.compact();
  }

  /** How much a term tells apart (BM25's idf, never negative). */
  idf(term: string): number {
    const id = this.termIds.get(term);
    return this.idfOf(id === undefined ? 0 : this.df[id]!);
  }

  private idfOf(df: number): number {
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  /**
   * The `limit` documents that score highest for these query terms (each counted once), best first, with the query
   * terms each one holds; `accept` can leave documents out (a filter) before they take a place.
   */
  search(queryTerms: readonly string[], limit: number, accept?: (key: K) => boolean): Hit<K>[] {
    if (this.count === 0 || limit <= 0) return [];
    const unique = this.known(queryTerms);
    const touched = this.accumulate(unique, 0);
    const best = topK(touched, limit, this.worse, accept ? (n) => accept(this.keys[n]!) : undefined);
    const hits = best.map((n) => this.hitOf(n, unique));
    this.clear(touched);
    return hits;
  }

  /**
   * The documents that hold every one of these query terms (each counted once; none when a term is in no document),
   * that `accept` lets through: all of them, unordered, with their scores — for a search that counts its results and
   * orders them by something else than the score.
   */
  searchAll(queryTerms: readonly string[], accept?: (key: K) => boolean): Hit<K>[] {
    const unique = [...new Set(queryTerms)];
    if (this.count === 0 || unique.length === 0 || unique.length > 0xffff) return [];
    const ids = this.known(unique);
    if (ids.length < unique.length) return [];
    // The rarest term first: only the documents holding it are ever candidates.
    ids.sort((a, b) => this.df[a]! - this.df[b]!);
    const touched = this.accumulate(ids, ids.length);
    const terms = ids.map((id) => this.terms[id]!);
    const hits: Hit<K>[] = [];
    for (const n of touched) {
      if (this.held[n] !== ids.length) continue;
      const key = this.keys[n]!;
      if (!accept || accept(key)) hits.push({ key, score: this.scores[n]!, terms });
    }
    this.clear(touched);
    return hits;
  }

  /** The ids of the query's distinct terms that some document holds. */
  private known(queryTerms: readonly string[]): number[] {
    const ids: number[] = [];
    for (const term of new Set(queryTerms)) {
      const id = this.termIds.get(term);
      if (id !== undefined && this.df[id]! > 0) ids.push(id);
    }
    return ids;
  }

  /**
   * Adds each term's BM25 weight to the scores of the live documents holding it, and counts the terms each holds.
   * With `all` (the number of terms), a document counts only while it holds every term so far: after the first term,
   * documents that lack one are never touched. Returns the documents touched.
   */
  private accumulate(ids: readonly number[], all: number): number[] {
    this.reserve();
    const average = this.totalLength / this.count || 1;
    const touched: number[] = [];
    ids.forEach((id, i) => {
      const weight = this.idfOf(this.df[id]!);
      const list = this.postings[id]!;
      for (let j = 0; j < list.length; j += 2) {
        const n = list[j]!;
        if (this.keys[n] === undefined || (all > 0 && this.held[n] !== i)) continue;
        const f = list[j + 1]!;
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[n]!) / average);
        if (this.held[n] === 0) touched.push(n);
        this.scores[n] = this.scores[n]! + (weight * f * (this.k1 + 1)) / (f + norm);
        this.held[n] = this.held[n]! + 1;
      }
    });
    return touched;
  }

  private readonly worse = (a: number, b: number) =>
    this.scores[a]! < this.scores[b]! || (this.scores[a] === this.scores[b] && a > b);

  private hitOf(n: number, ids: readonly number[]): Hit<K> {
    const held = new Set(this.termsOf[n]);
    const terms = ids.filter((id) => held.has(id)).map((id) => this.terms[id]!);
    return { key: this.keys[n]!, score: this.scores[n]!, terms };
  }

  private clear(touched: readonly number[]): void {
    for (const n of touched) {
      this.scores[n] = 0;
      this.held[n] = 0;
    }
  }

  private reserve(): void {
    if (this.scores.length >= this.keys.length) return;
    const size = Math.max(1024, this.keys.length * 2);
    this.scores = new Float64Array(size);
    this.held = new Uint16Array(size);
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.termIds.set(term, id);
      this.postings.push([]);
      this.df.push(0);
      this.terms.push(term);
    }
    return id;
  }

  /**
   * Drops the postings of documents taken out, and the terms no document holds any more; numbers the live documents
   * and terms afresh, in the same order.
   */
  private compact(): void {
    const documents = this.renumberDocuments();
    const termIds = new Map<string, number>();
    const renumbered = new Int32Array(this.terms.length).fill(-1);
    const [terms, df, postings]: [string[], number[], number[][]] = [[], [], []];
    this.terms.forEach((term, id) => {
      if (this.df[id] === 0) return;
      renumbered[id] = terms.length;
      termIds.set(term, terms.length);
      terms.push(term);
      df.push(this.df[id]!);
      const list = this.postings[id]!;
      const kept: number[] = [];
      for (let j = 0; j < list.length; j += 2) {
        const n = documents[list[j]!]!;
        if (n >= 0) kept.push(n, list[j + 1]!);
      }
      postings.push(kept);
    });
    this.termIds = termIds;
    this.terms = terms;
    this.df = df;
    this.postings = postings;
    this.termsOf = this.termsOf.map((ids) => ids!.map((id) => renumbered[id]!));
    this.deadPostings = 0;
  }

  /** Numbers the live documents afresh, in the same order; returns each old number's new one (-1: taken out). */
  private renumberDocuments(): Int32Array {
    const renumbered = new Int32Array(this.keys.length).fill(-1);
    const keys: K[] = [];
    const lengths: number[] = [];
    const termsOf: number[][] = [];
    this.keys.forEach((key, n) => {
      if (key === undefined) return;
      renumbered[n] = keys.length;
      this.numberOf.set(key, keys.length);
      keys.push(key);
      lengths.push(this.lengths[n]!);
      termsOf.push(this.termsOf[n]!);
    });
    this.keys = keys;
    this.lengths = lengths;
    this.termsOf = termsOf;
    return renumbered;
  }
}
