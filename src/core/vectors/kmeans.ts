import { createRandom, randomInt, type Random } from '../random';

export interface KMeansParams {
  /** Most Lloyd iterations; it stops earlier once no assignment changes. Default 25, range 1–100. */
  maxIterations: number;
  /**
   * Independent runs (fresh k-means++ seeding each); the one with the lowest total squared
   * distance wins. Guards against local minima that merge two true clusters. Default 3, range 1–10.
   */
  restarts: number;
  /** Seed of the k-means++ picks. Default 0. */
  seed: number;
}

export const DEFAULT_KMEANS_PARAMS: KMeansParams = { maxIterations: 25, restarts: 3, seed: 0 };

export interface KMeansResult {
  /** cluster of each vector, in 0..centroids.length-1; every cluster has at least one vector */
  assignments: Int32Array;
  /** min(k, n) centroids: the mean of each cluster's vectors */
  centroids: Float32Array[];
  /** total squared distance of the vectors to their centroids (k-means' objective) */
  inertia: number;
}

/**
 * k-means (squared Euclidean) with greedy k-means++ seeding (Arthur & Vassilvitskii 2007) and Lloyd
 * iterations. Uses k = min(k, n) clusters and never returns an empty one: a cluster left empty
 * takes over the point farthest from its own centroid (from a cluster that can spare it).
 */
export function kmeans(
  vectors: readonly Float32Array[],
  k: number,
  params: KMeansParams = DEFAULT_KMEANS_PARAMS,
): KMeansResult {
  const n = vectors.length;
  if (n === 0) return { assignments: new Int32Array(0), centroids: [], inertia: 0 };
  const kk = Math.min(Math.max(1, Math.floor(k)), n);
  const maxIterations = Math.max(1, Math.floor(params.maxIterations));
  const random = createRandom(params.seed);
  let best: KMeansResult | undefined;
  for (let run = 0; run < Math.max(1, Math.floor(params.restarts)); run++) {
    const result = lloyd(vectors, seedPlusPlus(vectors, kk, random), maxIterations);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best!;
}

/** Lloyd iterations from the given centres until no assignment changes. */
function lloyd(
  vectors: readonly Float32Array[],
  centroids: Float64Array[],
  maxIterations: number,
): KMeansResult {
  const n = vectors.length;
  const assignments = new Int32Array(n).fill(-1);
  const distance = new Float64Array(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const current = assignments[i];
      let best = current;
      let bestD = current >= 0 ? squaredDistance(vectors[i], centroids[current]) : Infinity;
      for (let c = 0; c < centroids.length; c++) {
        const d = squaredDistance(vectors[i], centroids[c]);
        // Move only when strictly closer: ties keep the current cluster, so equal points don't flip back and forth.
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      distance[i] = bestD;
      if (best !== current) {
        assignments[i] = best;
        changed = true;
      }
    }
    if (fillEmptyClusters(vectors, assignments, distance, centroids)) changed = true;
    if (!changed) break;
    updateCentroids(vectors, assignments, centroids);
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(vectors[i], centroids[assignments[i]]);
  return { assignments, centroids: centroids.map((c) => Float32Array.from(c)), inertia };
}

export function squaredDistance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - y[i];
    s += d * d;
  }
  return s;
}

/**
 * Greedy k-means++: each next centre is the best (lowest total squared distance) of 2 + ⌊ln k⌋
 * candidates drawn with probability ∝ squared distance to the nearest chosen centre. The extra
 * candidates, as in scikit-learn, keep two centres from landing in one true cluster much more often.
 */
function seedPlusPlus(vectors: readonly Float32Array[], k: number, random: Random): Float64Array[] {
  const n = vectors.length;
  const trials = 2 + Math.floor(Math.log(k));
  const chosen = new Set<number>();
  let nearest = new Float64Array(n).fill(Infinity);
  const centroids: Float64Array[] = [];
  let next = randomInt(random, n);
  while (centroids.length < k) {
    chosen.add(next);
    centroids.push(Float64Array.from(vectors[next]));
    if (centroids.length === k) break;
    if (centroids.length === 1)
      for (let i = 0; i < n; i++) nearest[i] = squaredDistance(vectors[i], vectors[next]);
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i];
    if (total <= 0) {
      // All remaining points coincide with a centre: any unchosen one will do.
      const rest = [];
      for (let i = 0; i < n; i++) if (!chosen.has(i)) rest.push(i);
      next = rest[randomInt(random, rest.length)];
      continue;
    }
    let bestPotential = Infinity;
    let bestNearest = nearest;
    for (let t = 0; t < trials; t++) {
      const candidate = sampleByWeight(nearest, total, random);
      const withCandidate = new Float64Array(n);
      let potential = 0;
      for (let i = 0; i < n; i++) {
        withCandidate[i] = Math.min(nearest[i], squaredDistance(vectors[i], vectors[candidate]));
        potential += withCandidate[i];
      }
      if (potential < bestPotential) {
        bestPotential = potential;
        bestNearest = withCandidate;
        next = candidate;
      }
    }
    nearest = bestNearest;
  }
  return centroids;
}

/** An index drawn with probability weights[i] / total; only indices with positive weight. */
function sampleByWeight(weights: Float64Array, total: number, random: Random): number {
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0 && weights[i] > 0) return i;
  }
  // Rounding can walk past the end: fall back to the last point with a positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}

/** Give each empty cluster the farthest point of a cluster with ≥ 2 points; true if any moved. */
function fillEmptyClusters(
  vectors: readonly Float32Array[],
  assignments: Int32Array,
  distance: Float64Array,
  centroids: Float64Array[],
): boolean {
  const counts = new Int32Array(centroids.length);
  for (const a of assignments) counts[a]++;
  let moved = false;
  for (let c = 0; c < centroids.length; c++) {
    if (counts[c] > 0) continue;
    let far = -1;
    for (let i = 0; i < assignments.length; i++) {
      if (counts[assignments[i]] > 1 && (far < 0 || distance[i] > distance[far])) far = i;
    }
    if (far < 0) break; // cannot happen while k ≤ n (pigeonhole), kept as a guard
    counts[assignments[far]]--;
    counts[c] = 1;
    assignments[far] = c;
    distance[far] = 0;
    centroids[c] = Float64Array.from(vectors[far]);
    moved = true;
  }
  return moved;
}

function updateCentroids(
  vectors: readonly Float32Array[],
  assignments: Int32Array,
  centroids: Float64Array[],
): void {
  const counts = new Int32Array(centroids.length);
  for (const c of centroids) c.fill(0);
  vectors.forEach((v, i) => {
    const c = centroids[assignments[i]];
    counts[assignments[i]]++;
    for (let d = 0; d < v.length; d++) c[d] += v[d];
  });
  centroids.forEach((c, j) => {
    for (let d = 0; d < c.length; d++) c[d] /= counts[j];
  });
}
