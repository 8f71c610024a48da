import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DistanceHeap } from './distanceHeap';

describe('DistanceHeap', () => {
  it('pops in sorted order (nearest or farthest first, ties by node) and grows past its capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 100 }),
        fc.boolean(),
        (distances, nearestFirst) => {
          const heap = new DistanceHeap(nearestFirst, 2);
          distances.forEach((d, node) => heap.push(node, d / 2));
          const expected = distances
            .map((d, node) => ({ node, distance: d / 2 }))
            .sort((a, b) => a.distance - b.distance || a.node - b.node);
          expect(heap.sorted()).toEqual(expected);
          if (!nearestFirst) expected.reverse();
          const popped: number[] = [];
          while (heap.size > 0) popped.push(heap.pop());
          expect(popped).toEqual(expected.map((e) => e.node));
        },
      ),
    );
  });
});
