/**
 * Keeps the best `capacity` items offered so far, by a total order `before(a, b)` ("a ranks
 * before b"). A heap whose root is the worst kept item: O(log capacity) per offer, so a step that
 * expands 100 beams over a 32k-token vocabulary never sorts 3.2M candidates.
 */
export class BoundedBest<T> {
  private readonly heap: T[] = [];
  private readonly capacity: number;
  private readonly before: (a: T, b: T) => boolean;

  constructor(capacity: number, before: (a: T, b: T) => boolean) {
    this.capacity = capacity;
    this.before = before;
  }

  get size(): number {
    return this.heap.length;
  }

  /** The worst item kept, once full; undefined before. Lets callers skip building hopeless items. */
  get worstWhenFull(): T | undefined {
    return this.heap.length >= this.capacity ? this.heap[0] : undefined;
  }

  offer(item: T): void {
    const heap = this.heap;
    if (this.capacity <= 0) return;
    if (heap.length < this.capacity) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!this.before(heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (this.before(item, heap[0])) {
      heap[0] = item;
      this.siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && this.before(heap[worst], heap[l])) worst = l;
      if (r < heap.length && this.before(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  }
}
