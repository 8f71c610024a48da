import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainProgress } from '../models/train/control';
import { batchProgress } from './progressBatcher';

const step = (n: number): TrainProgress => ({
  step: n,
  totalSteps: 100,
  epoch: n / 10,
  epochs: 10,
  loss: 10 - n / 10,
  lr: 1e-3,
  examplesPerSec: 100,
  tokensPerSec: 1000,
  elapsedSec: n / 10,
  etaSec: 10 - n / 10,
  memoryBytes: 0,
});

describe('batchProgress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands over the newest progress with every loss since the last hand-over, at most once per interval', () => {
    const delivered: [number, number[]][] = [];
    const batcher = batchProgress((p, losses) => delivered.push([p.step, losses]), 100);
    for (let n = 1; n <= 5; n++) batcher.push(step(n));
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(delivered).toEqual([[5, [9.9, 9.8, 9.7, 9.6, 9.5]]]);
    batcher.push(step(6));
    vi.advanceTimersByTime(99);
    expect(delivered).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(delivered[1]).toEqual([6, [9.4]]);
    // nothing pending: no empty hand-over
    vi.advanceTimersByTime(1000);
    expect(delivered).toHaveLength(2);
  });

  it('flush hands over at once and cancels the pending timer; losses are never lost or repeated', () => {
    const all: number[] = [];
    let handOvers = 0;
    const batcher = batchProgress((_, losses) => {
      handOvers++;
      all.push(...losses);
    }, 100);
    for (let n = 1; n <= 3; n++) batcher.push(step(n));
    batcher.flush();
    expect(handOvers).toBe(1);
    vi.advanceTimersByTime(500);
    expect(handOvers).toBe(1);
    batcher.flush();
    expect(handOvers).toBe(1);
    for (let n = 4; n <= 7; n++) batcher.push(step(n));
    vi.advanceTimersByTime(100);
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => step(n).loss));
  });
});
