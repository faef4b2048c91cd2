import { contentWords } from "@/lib/matching/terms";
import { prng } from "./dataset";
import { BODIES, EVENTS, FIRST, LAST, PLACES, TOPICS, VERBS } from "./dataset-words";

/**
 * What readers search for in the benchmark, most asked first: the words the generated claims are written with (topics,
 * places, claimants' names, bodies, events, verbs; stop words left out), then each topic with each place ("hospital
 * Mariupol") — a few hundred searches, every one of which finds claims. Each group is in an order shuffled by a fixed
 * seed, so the most asked are not simply the first words of the lists.
 */
export function benchSearchQueries(seed = 7): string[] {
  const r = prng(seed);
  const shuffle = <T>(list: T[]) =>
    list
      .map((x) => [r.next(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
  const words = [...TOPICS, ...PLACES, ...FIRST, ...LAST, ...contentWords([...BODIES, ...EVENTS, ...VERBS].join(" "))];
  const pairs = TOPICS.flatMap((topic) => PLACES.map((place) => `${topic} ${place}`));
  return [...new Set([...shuffle(words), ...shuffle(pairs)])];
}

/**
 * Draws the rank of a query (0: the most asked) with a Zipf distribution of exponent 1 over `count` queries — the
 * k-th most asked asked 1/k as often as the first — from a fixed seed, so every run asks the same sequence.
 */
export function zipfRanks(count: number, seed = 11): () => number {
  const r = prng(seed);
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= count; k++) cumulative.push((total += 1 / k));
  return () => {
    const x = r.next() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
