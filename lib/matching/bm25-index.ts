/**
 * An inverted index in memory, ranked by Okapi BM25 (k1 1.2, b 0.75 unless told), that takes documents in and out one
 * at a time: what the claim matcher and the public search retrieve with. Documents are kept as their terms (see
 * `matchTerms`) with a weight per field, so that a fact-check's claim can count more than its title (BM25F-style:
 * weighted term frequencies and length).
 *
 * A search reads the postings of the query's terms only: the cost grows with how many documents share its words, not
 * with the size of the index. Scores accumulate in an array by internal number; the best `limit` are kept in a small
 * heap.
 */
export type Bm25Options = { k1?: number; b?: number };
export type Field = { terms: readonly string[]; weight: number };
export type Hit<K> = { key: K; score: number; terms: string[] };

export class Bm25Index<K> {
  private readonly k1: number;
  private readonly b: number;
  /** Per term: internal document number → weighted frequency. */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly numberOf = new Map<K, number>();
  private keys: (K | undefined)[] = [];
  private lengths: number[] = [];
  private termsOf: (string[] | undefined)[] = [];
  private free: number[] = [];
  private totalLength = 0;
  private count = 0;

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
    const frequencies = new Map<string, number>();
    let length = 0;
    for (const { terms, weight } of fields) {
      for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
      length += terms.length * weight;
    }
    const n = this.free.pop() ?? this.keys.length;
    this.keys[n] = key;
    this.lengths[n] = length;
    this.termsOf[n] = [...frequencies.keys()];
    this.numberOf.set(key, n);
    for (const [term, frequency] of frequencies) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Map()));
      list.set(n, frequency);
    }
    this.totalLength += length;
    this.count++;
  }

  /** Takes a document out; nothing happens for a key that is not in. */
  delete(key: K): void {
    const n = this.numberOf.get(key);
    if (n === undefined) return;
    for (const term of this.termsOf[n]!) {
      const list = this.postings.get(term)!;
      list.delete(n);
      if (list.size === 0) this.postings.delete(term);
    }
    this.totalLength -= this.lengths[n]!;
    this.count--;
    this.numberOf.delete(key);
    this.keys[n] = undefined;
    this.termsOf[n] = undefined;
    this.lengths[n] = 0;
    this.free.push(n);
  }

  /** How much a term tells apart (BM25's idf, never negative). */
  idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  /**
   * The `limit` documents that score highest for these query terms (each counted once), best first, with the query
   * terms each one holds; `accept` can leave documents out (a filter) before they take a place.
   */
  search(queryTerms: readonly string[], limit: number, accept?: (key: K) => boolean): Hit<K>[] {
    if (this.count === 0 || limit <= 0) return [];
    const unique = [...new Set(queryTerms)].filter((t) => this.postings.has(t));
    const average = this.totalLength / this.count || 1;
    const scores = new Map<number, number>();
    for (const term of unique) {
      const weight = this.idf(term);
      for (const [n, f] of this.postings.get(term)!) {
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[n]!) / average);
        scores.set(n, (scores.get(n) ?? 0) + (weight * f * (this.k1 + 1)) / (f + norm));
      }
    }
    const best = topK(scores, limit, accept ? (n) => accept(this.keys[n]!) : undefined);
    return best.map(([n, score]) => ({
      key: this.keys[n]!,
      score,
      terms: unique.filter((t) => this.postings.get(t)!.has(n)),
    }));
  }
}

/** The `k` highest entries (ties: the lower number first), best first, through a min-heap of size k. */
function topK(scores: Map<number, number>, k: number, accept?: (n: number) => boolean): [number, number][] {
  const heap: [number, number][] = [];
  const worse = (a: [number, number], b: [number, number]) => a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const entry of scores) {
    if (heap.length === k && !worse(heap[0]!, entry)) continue;
    if (accept && !accept(entry[0])) continue;
    if (heap.length < k) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else {
      heap[0] = entry;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}
