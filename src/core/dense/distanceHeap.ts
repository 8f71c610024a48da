/**
 * A binary heap of (node, distance) pairs on typed arrays, so a graph search allocates no object
 * per visited node. `nearestFirst` pops the smallest distance first (the candidates to expand);
 * otherwise the largest (the worst of the current results). Equal distances fall back to the node
 * number, so pops are deterministic.
 */
export class DistanceHeap {
  private nodes: Int32Array;
  private distances: Float64Array;
  private count = 0;

  constructor(
    private readonly nearestFirst: boolean,
    capacity = 64,
  ) {
    this.nodes = new Int32Array(Math.max(1, capacity));
    this.distances = new Float64Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  /** The node on top (nearest or farthest); undefined when empty. */
  get topNode(): number {
    return this.nodes[0];
  }

  get topDistance(): number {
    return this.distances[0];
  }

  clear(): void {
    this.count = 0;
  }

  push(node: number, distance: number): void {
    if (this.count === this.nodes.length) this.grow();
    let i = this.count++;
    this.nodes[i] = node;
    this.distances[i] = distance;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Remove the top pair; returns its node. */
  pop(): number {
    const top = this.nodes[0];
    const last = --this.count;
    if (last > 0) {
      this.nodes[0] = this.nodes[last];
      this.distances[0] = this.distances[last];
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < last && this.above(l, best)) best = l;
        if (r < last && this.above(r, best)) best = r;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top;
  }

  /** The pairs, nearest first (the heap itself is left as it was). */
  sorted(): { node: number; distance: number }[] {
    const out: { node: number; distance: number }[] = [];
    for (let i = 0; i < this.count; i++)
      out.push({ node: this.nodes[i], distance: this.distances[i] });
    return out.sort((a, b) => a.distance - b.distance || a.node - b.node);
  }

  /** Element `a` belongs above element `b`. */
  private above(a: number, b: number): boolean {
    const da = this.distances[a];
    const db = this.distances[b];
    if (da === db)
      return this.nearestFirst ? this.nodes[a] < this.nodes[b] : this.nodes[a] > this.nodes[b];
    return this.nearestFirst ? da < db : da > db;
  }

  private swap(a: number, b: number): void {
    const n = this.nodes[a];
    this.nodes[a] = this.nodes[b];
    this.nodes[b] = n;
    const d = this.distances[a];
    this.distances[a] = this.distances[b];
    this.distances[b] = d;
  }

  private grow(): void {
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    const distances = new Float64Array(this.distances.length * 2);
    distances.set(this.distances);
    this.nodes = nodes;
    this.distances = distances;
  }
}
