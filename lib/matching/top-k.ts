/**
 * The `k` best of some items, best first, through a min-heap of size k: a search keeps the few it shows without
 * sorting everything it found. `worse(a, b)` says whether `a` ranks below `b` (it must order any two distinct items);
 * `accept` leaves items out before they take a place.
 */
export function topK<T>(
  items: Iterable<T>,
  k: number,
  worse: (a: T, b: T) => boolean,
  accept?: (item: T) => boolean,
): T[] {
  const heap: T[] = [];
  if (k <= 0) return heap;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const item of items) {
    if (heap.length === k && !worse(heap[0]!, item)) continue;
    if (accept && !accept(item)) continue;
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    } else {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
