/*
 * Approximate nearest neighbours: Hierarchical Navigable Small World graphs (Malkov & Yashunin,
 * "Efficient and robust approximate nearest neighbor search using HNSW graphs", TPAMI 2018).
 *
 * Why our own and not hnswlib-wasm (DESIGN.md's first choice): hnswlib-wasm 0.8.2 (the latest on
 * npm) is an Emscripten build for the web only. Loading it in Node throws "not compiled for this
 * environment"; with a fake `window` it then mounts IDBFS and aborts ("IDBFS used, but indexedDB not
 * supported"), and MEMFS is refused ("IDBFS is supported"). So the tests and the benchmarks could
 * not run it, and even in the worker it would need IndexedDB and an 880 kB glue file for an index
 * of a few thousand vectors. This file is plain TypeScript and runs the same in Node and the worker.
 *
 * Similarity is the inner product; on L2-normalised vectors that is the cosine, and the graph uses
 * distance = 1 − dot. Unnormalised vectors work, but the graph's guarantees assume a metric.
 */
import { createRandom, type Random } from '../random';
import { DistanceHeap } from './distanceHeap';
import { dotAt, type ScoredIndex } from './exactTopK';

export interface HnswParams {
  /**
   * Links each node keeps per layer (2·M on the bottom layer). More links find neighbours in
   * harder (higher intrinsic dimension) data, at the cost of memory, build time and query time.
   * Default 32 (the paper's usual 16 reaches only recall@10 ≈ 0.89 at efSearch 128 on 20k random
   * 64-d unit vectors, see bench/results/ann.md), range 8–64.
   */
  M: number;
  /**
   * Candidates kept while inserting a node; higher builds a better graph, slower.
   * Default 200, range 100–800 (at least M).
   */
  efConstruction: number;
  /**
   * Candidates kept while searching (raised to k when smaller): the recall/speed dial. Default 128
   * (recall@10 ≈ 0.98 on 20k random 64-d unit vectors; real embeddings are easier), range 10–1000.
   */
  efSearch: number;
  /** Seed of the random layer each node is assigned to. Default 0. */
  seed: number;
}

export const DEFAULT_HNSW_PARAMS: HnswParams = {
  M: 32,
  efConstruction: 200,
  efSearch: 128,
  seed: 0,
};

/** Layers above this are never drawn (2^-16 of nodes would reach it with M = 2). */
const MAX_LEVEL = 16;

interface Neighbour {
  node: number;
  distance: number;
}

/** A growable HNSW index over `dim`-dimensional vectors; nodes are numbered in insertion order. */
export class HnswIndex {
  readonly params: HnswParams;
  private data: Float32Array;
  private count = 0;
  /** links[node][level] = [count, neighbour₁, …]; level 0 holds up to 2·M, others up to M */
  private readonly links: Int32Array[][] = [];
  private entry = -1;
  private topLevel = -1;
  private readonly random: Random;
  /** mL = 1/ln M: the paper's level multiplier, so each layer has ~1/M of the nodes below it */
  private readonly levelScale: number;
  private visited: Uint32Array;
  private visitMark = 0;
  private readonly candidates = new DistanceHeap(true);
  private readonly results = new DistanceHeap(false);

  constructor(
    readonly dim: number,
    params: HnswParams = DEFAULT_HNSW_PARAMS,
    capacity = 1024,
  ) {
    const M = Math.max(2, Math.floor(params.M));
    this.params = {
      M,
      efConstruction: Math.max(M, Math.floor(params.efConstruction)),
      efSearch: Math.max(1, Math.floor(params.efSearch)),
      seed: params.seed,
    };
    this.random = createRandom(params.seed);
    this.levelScale = 1 / Math.log(M);
    this.data = new Float32Array(Math.max(1, capacity) * dim);
    this.visited = new Uint32Array(Math.max(1, capacity));
  }

  /** Number of vectors in the index. */
  get size(): number {
    return this.count;
  }

  /** Bytes the graph's neighbour lists take (the vectors themselves are not counted). */
  get linkBytes(): number {
    let bytes = 0;
    for (const lists of this.links) for (const list of lists) bytes += list.byteLength;
    return bytes;
  }

  /** Add one vector (its first `dim` values are copied); returns its node number. */
  add(vector: Float32Array): number {
    if (vector.length < this.dim)
      throw new RangeError(`vector has ${vector.length} values, the index needs ${this.dim}`);
    const node = this.count;
    this.reserve(node + 1);
    this.data.set(vector.subarray(0, this.dim), node * this.dim);
    this.count++;
    const level = this.drawLevel();
    const lists: Int32Array[] = [];
    for (let l = 0; l <= level; l++) lists.push(new Int32Array(1 + this.maxLinks(l)));
    this.links.push(lists);
    if (this.entry < 0) {
      this.entry = node;
      this.topLevel = level;
      return node;
    }
    const q = this.data.subarray(node * this.dim, (node + 1) * this.dim);
    let entryPoints = [this.greedyDescent(q, level)];
    for (let l = Math.min(level, this.topLevel); l >= 0; l--) {
      const found = this.searchLayer(q, entryPoints, this.params.efConstruction, l);
      // the new node gets M links on every layer; older nodes may fill up to 2·M on layer 0
      const chosen = this.selectNeighbours(found, this.params.M);
      const list = lists[l];
      list[0] = chosen.length;
      for (let i = 0; i < chosen.length; i++) list[i + 1] = chosen[i].node;
      for (const c of chosen) this.link(c.node, node, c.distance, l);
      entryPoints = found.map((f) => f.node);
    }
    if (level > this.topLevel) {
      this.entry = node;
      this.topLevel = level;
    }
    return node;
  }

  /**
   * The (approximately) `k` most similar vectors to `query`, best first, ties by lower node.
   * `ef` (default params.efSearch, raised to k) trades speed for recall.
   */
  search(query: Float32Array, k: number, ef = this.params.efSearch): ScoredIndex[] {
    if (query.length < this.dim)
      throw new RangeError(`query has ${query.length} values, the index needs ${this.dim}`);
    const kk = Math.min(Math.floor(k), this.count);
    if (kk <= 0) return [];
    const found = this.searchLayer(query, [this.greedyDescent(query, 0)], Math.max(ef, kk), 0);
    // exact dot products for the answers, so scores equal exactTopK's bit for bit
    return found
      .map((f) => ({
        index: f.node,
        score: dotAt(this.data, f.node * this.dim, query, 0, this.dim),
      }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, kk);
  }

  /** Neighbours of `node` on `level` (empty above the node's top layer): for inspecting the graph. */
  neighbours(node: number, level = 0): number[] {
    const list = this.links[node]?.[level];
    return list ? Array.from(list.subarray(1, 1 + list[0])) : [];
  }

  /** The top layer of `node`, or −1 when there is no such node. */
  levelOf(node: number): number {
    return (this.links[node]?.length ?? 0) - 1;
  }

  private maxLinks(level: number): number {
    return level === 0 ? 2 * this.params.M : this.params.M;
  }

  /** The paper's ⌊−ln(U)·mL⌋, U uniform in (0, 1]. */
  private drawLevel(): number {
    return Math.min(MAX_LEVEL, Math.floor(-Math.log(1 - this.random()) * this.levelScale));
  }

  private queryDistance(q: Float32Array, node: number): number {
    return 1 - dotAt(this.data, node * this.dim, q, 0, this.dim);
  }

  private nodeDistance(a: number, b: number): number {
    return 1 - dotAt(this.data, a * this.dim, this.data, b * this.dim, this.dim);
  }

  /** Greedy walk from the entry point down to layer `stopLevel + 1`; returns where it ended. */
  private greedyDescent(q: Float32Array, stopLevel: number): number {
    let current = this.entry;
    let currentDistance = this.queryDistance(q, current);
    for (let l = this.topLevel; l > stopLevel; l--) {
      for (let moved = true; moved;) {
        moved = false;
        const list = this.links[current][l];
        for (let i = 1; i <= list[0]; i++) {
          const d = this.queryDistance(q, list[i]);
          if (d < currentDistance) {
            currentDistance = d;
            current = list[i];
            moved = true;
          }
        }
      }
    }
    return current;
  }

  /** The paper's SEARCH-LAYER: best-first search keeping the `ef` nearest seen; nearest first. */
  private searchLayer(
    q: Float32Array,
    entryPoints: number[],
    ef: number,
    level: number,
  ): Neighbour[] {
    const mark = this.nextVisitMark();
    const { candidates, results, visited } = this;
    candidates.clear();
    results.clear();
    for (const ep of entryPoints) {
      if (visited[ep] === mark) continue;
      visited[ep] = mark;
      const d = this.queryDistance(q, ep);
      candidates.push(ep, d);
      results.push(ep, d);
      if (results.size > ef) results.pop();
    }
    while (candidates.size > 0) {
      if (candidates.topDistance > results.topDistance && results.size >= ef) break;
      const list = this.links[candidates.pop()][level];
      for (let i = 1; i <= list[0]; i++) {
        const e = list[i];
        if (visited[e] === mark) continue;
        visited[e] = mark;
        const d = this.queryDistance(q, e);
        if (results.size < ef || d < results.topDistance) {
          candidates.push(e, d);
          results.push(e, d);
          if (results.size > ef) results.pop();
        }
      }
    }
    return results.sorted();
  }

  /**
   * The paper's SELECT-NEIGHBORS-HEURISTIC on candidates sorted nearest first: keep a candidate
   * only if it is nearer to the base than to every neighbour kept so far, so links spread out in
   * different directions instead of all pointing into one cluster.
   */
  private selectNeighbours(sortedCandidates: Neighbour[], m: number): Neighbour[] {
    const chosen: Neighbour[] = [];
    for (const c of sortedCandidates) {
      if (chosen.length >= m) break;
      let diverse = true;
      for (const r of chosen) {
        if (this.nodeDistance(c.node, r.node) < c.distance) {
          diverse = false;
          break;
        }
      }
      if (diverse) chosen.push(c);
    }
    return chosen;
  }

  /** Add the link from → to on `level`; a full list is re-pruned with the heuristic. */
  private link(from: number, to: number, distance: number, level: number): void {
    const list = this.links[from][level];
    const cap = this.maxLinks(level);
    if (list[0] < cap) {
      list[++list[0]] = to;
      return;
    }
    const pool: Neighbour[] = [{ node: to, distance }];
    for (let i = 1; i <= list[0]; i++)
      pool.push({ node: list[i], distance: this.nodeDistance(from, list[i]) });
    pool.sort((a, b) => a.distance - b.distance || a.node - b.node);
    const kept = this.selectNeighbours(pool, cap);
    list[0] = kept.length;
    for (let i = 0; i < kept.length; i++) list[i + 1] = kept[i].node;
  }

  private nextVisitMark(): number {
    if (this.visitMark === 0xffffffff) {
      this.visited.fill(0);
      this.visitMark = 0;
    }
    return ++this.visitMark;
  }

  private reserve(nodes: number): void {
    if (nodes <= this.visited.length) return;
    const capacity = Math.max(nodes, this.visited.length * 2);
    const data = new Float32Array(capacity * this.dim);
    data.set(this.data);
    this.data = data;
    const visited = new Uint32Array(capacity);
    visited.set(this.visited);
    this.visited = visited;
  }
}

/**
 * An HNSW index over the rows of the row-major n×d `matrix`, inserted in row order (so node = row).
 * `onProgress(done, total)` is called every 1,000 rows and at the end, for a worker's progress bar.
 */
export function buildHnsw(
  matrix: Float32Array,
  d: number,
  params: HnswParams = DEFAULT_HNSW_PARAMS,
  onProgress?: (done: number, total: number) => void,
): HnswIndex {
  const n = d > 0 ? Math.floor(matrix.length / d) : 0;
  const index = new HnswIndex(d, params, n);
  for (let row = 0; row < n; row++) {
    index.add(matrix.subarray(row * d, (row + 1) * d));
    if (onProgress && ((row + 1) % 1000 === 0 || row + 1 === n)) onProgress(row + 1, n);
  }
  return index;
}
