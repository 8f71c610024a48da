import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BoundedBest } from './boundedBest';

describe('BoundedBest', () => {
  it('keeps exactly what a full sort truncated to the capacity keeps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 30 }),
        (values, capacity) => {
          // Items are (value, position): higher value first, then earlier position — a total order.
          const items = values.map((v, i) => ({ v, i }));
          const before = (a: { v: number; i: number }, b: { v: number; i: number }) =>
            a.v > b.v || (a.v === b.v && a.i < b.i);
          const best = new BoundedBest(capacity, before);
          for (const item of items) best.offer(item);
          const expected = [...items].sort((a, b) => b.v - a.v || a.i - b.i).slice(0, capacity);
          expect(best.sorted()).toEqual(expected);
          expect(best.size).toBe(expected.length);
          expect(best.worstWhenFull).toEqual(
            items.length >= capacity && capacity > 0 ? expected[capacity - 1] : undefined,
          );
        },
      ),
    );
  });
});
