import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLoadProgress } from './loadProgress';

describe('a corpus load’s progress on its way to the page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a new step at once and, within a step, the latest report at most every interval', () => {
    const shown: [number, string][] = [];
    const progress = throttleLoadProgress(
      (f, l) => shown.push([f, l]),
      250,
      () => Date.now(),
    );
    progress.report(0, 'Parsing');
    progress.report(0.1, 'Parsing');
    progress.report(0.2, 'Parsing');
    expect(shown).toEqual([[0, 'Parsing']]);
    vi.advanceTimersByTime(250);
    expect(shown).toEqual([
      [0, 'Parsing'],
      [0.2, 'Parsing'],
    ]);
    progress.report(0.3, 'Parsing');
    progress.report(0, 'Indexing');
    expect(shown.at(-1)).toEqual([0, 'Indexing']);
    // the pending parse report was dropped with the new step
    vi.advanceTimersByTime(1000);
    expect(shown).toHaveLength(3);
    vi.advanceTimersByTime(100);
    progress.report(0.5, 'Indexing');
    expect(shown.at(-1)).toEqual([0.5, 'Indexing']);
  });

  it('shows nothing once stopped, not even a report waiting for its turn', () => {
    const shown: number[] = [];
    const progress = throttleLoadProgress(
      (f) => shown.push(f),
      250,
      () => Date.now(),
    );
    progress.report(0, 'Receiving documents');
    progress.report(0.5, 'Receiving documents');
    progress.stop();
    vi.advanceTimersByTime(1000);
    progress.report(1, 'Receiving documents');
    expect(shown).toEqual([0]);
  });
});
