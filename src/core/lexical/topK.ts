/** A document number with its score. */
export interface Scored {
  doc: number;
  score: number;
}

/** `a` ranks before `b`: higher score first, then the lower document number. */
function before(a: Scored, b: Scored): boolean {
  return a.score > b.score || (a.score === b.score && a.doc < b.doc);
}

/**
 * The `k` best of `candidates` by `scores[doc]`, best first, via a size-k min-heap
 * (O(n log k), so a 50k-document corpus never sorts every hit).
 */
export function topK(
  candidates: ArrayLike<number>,
  scores: ArrayLike<number>,
  k: number,
): Scored[] {
  if (k <= 0) return [];
  const heap: Scored[] = []; // heap[0] is the worst kept so far
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(heap[worst], heap[l])) worst = l;
      if (r < heap.length && before(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  };
  for (let c = 0; c < candidates.length; c++) {
    const item = { doc: candidates[c], score: scores[candidates[c]] };
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (before(item, heap[0])) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
