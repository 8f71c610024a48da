/** A row of an embedding matrix with its similarity to the query. */
export interface ScoredIndex {
  /** row number in the matrix (or insertion number in an ANN index) */
  index: number;
  /** inner product with the query; for L2-normalised vectors, their cosine */
  score: number;
}

/** Inner product of `a[aOffset … aOffset+dims)` and `b[bOffset … bOffset+dims)`. */
export function dotAt(
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  dims: number,
): number {
  let sum = 0;
  let i = 0;
  // four accumulators let the JIT overlap the multiply-adds; summation order is fixed, so results are reproducible
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (; i + 3 < dims; i += 4) {
    sum += a[aOffset + i] * b[bOffset + i];
    s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
    s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
    s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
  }
  for (; i < dims; i++) sum += a[aOffset + i] * b[bOffset + i];
  return sum + s1 + s2 + s3;
}

/**
 * The `k` rows of the row-major n×d `matrix` with the largest inner product with `query`, best
 * first, ties by the lower row. Only the first `dims` coordinates count (a prefix of a
 * Matryoshka-style embedding). A size-k min-heap keeps this O(n·dims + n·log k): no full sort.
 */
export function exactTopK(
  matrix: Float32Array,
  d: number,
  query: Float32Array,
  k: number,
  dims = d,
): ScoredIndex[] {
  const n = d > 0 ? Math.floor(matrix.length / d) : 0;
  const kk = Math.min(Math.max(0, Math.floor(k)), n);
  if (kk === 0) return [];
  const used = Math.max(0, Math.min(dims, d, query.length));
  // heap[0] is the worst row kept so far: lowest score, then the higher row number
  const heapIndex = new Int32Array(kk);
  const heapScore = new Float64Array(kk);
  let size = 0;
  const worse = (a: number, b: number) =>
    heapScore[a] < heapScore[b] || (heapScore[a] === heapScore[b] && heapIndex[a] > heapIndex[b]);
  const swap = (a: number, b: number) => {
    const i = heapIndex[a];
    heapIndex[a] = heapIndex[b];
    heapIndex[b] = i;
    const s = heapScore[a];
    heapScore[a] = heapScore[b];
    heapScore[b] = s;
  };
  for (let row = 0; row < n; row++) {
    const score = dotAt(matrix, row * d, query, 0, used);
    if (size < kk) {
      heapIndex[size] = row;
      heapScore[size] = score;
      for (let i = size++; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
      continue;
    }
    // rows come in increasing order, so a later row with an equal score never displaces a kept one
    if (!(score > heapScore[0])) continue;
    heapIndex[0] = row;
    heapScore[0] = score;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < size && worse(l, w)) w = l;
      if (r < size && worse(r, w)) w = r;
      if (w === i) break;
      swap(i, w);
      i = w;
    }
  }
  const out: ScoredIndex[] = [];
  for (let i = 0; i < size; i++) out.push({ index: heapIndex[i], score: heapScore[i] });
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}
