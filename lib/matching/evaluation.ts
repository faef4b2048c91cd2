/**
 * The measures of CLEF CheckThat!'s "detecting previously fact-checked claims" task, over a ranking per input:
 * MAP@k (for each input, precision at each relevant result within the first k, summed and divided by min(number
 * relevant, k), then the mean over inputs), MRR (the mean of 1 / rank of the first relevant result, 0 when none is
 * ranked) and Recall@k (the share of the relevant results found within the first k, averaged over inputs). Inputs
 * without relevant results are left out, as the task's scorer does.
 */
export type Scores = { inputs: number; map: number; mrr: number; recall: number };

export function scoreRankings(
  rankings: ReadonlyMap<string, readonly string[]>,
  relevant: ReadonlyMap<string, ReadonlySet<string>>,
  k = 5,
): Scores {
  let inputs = 0;
  let map = 0;
  let mrr = 0;
  let recall = 0;
  for (const [input, gold] of relevant) {
    if (gold.size === 0) continue;
    inputs++;
    const ranked = rankings.get(input) ?? [];
    let found = 0;
    let precisions = 0;
    for (let i = 0; i < Math.min(k, ranked.length); i++) {
      if (!gold.has(ranked[i]!)) continue;
      found++;
      precisions += found / (i + 1);
    }
    map += precisions / Math.min(gold.size, k);
    recall += found / gold.size;
    const first = ranked.findIndex((id) => gold.has(id));
    mrr += first < 0 ? 0 : 1 / (first + 1);
  }
  const mean = (total: number) => (inputs === 0 ? 0 : total / inputs);
  return { inputs, map: mean(map), mrr: mean(mrr), recall: mean(recall) };
}

/** The value at a quantile (0–1) of some numbers, by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
