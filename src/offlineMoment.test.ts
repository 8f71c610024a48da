import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_AFTER_ANSWER_MS, OFFLINE_AT_LATEST_MS, offlineMoment } from './offlineMoment';

/** Whether `p` has settled after the timers and microtasks so far. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('when the service worker registers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a while after the first answer, not at once', async () => {
    let answer!: () => void;
    const started = new Promise<void>((resolve) => (answer = resolve));
    const moment = offlineMoment(started, async () => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    answer();
    await vi.advanceTimersByTimeAsync(OFFLINE_AFTER_ANSWER_MS - 1);
    expect(await settled(moment)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(moment)).toBe(true);
  });

  it('at the latest OFFLINE_AT_LATEST_MS after load, with no answer (or a failed one)', async () => {
    const never = offlineMoment(new Promise(() => undefined), async () => undefined);
    await vi.advanceTimersByTimeAsync(OFFLINE_AT_LATEST_MS - 1);
    expect(await settled(never)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(never)).toBe(true);
    const failed = offlineMoment(Promise.reject(new Error('no model')), async () => undefined);
    await vi.advanceTimersByTimeAsync(OFFLINE_AFTER_ANSWER_MS);
    expect(await settled(failed)).toBe(true);
  });

  it('not while a corpus loads: it waits for the page to be quiet', async () => {
    let loaded!: () => void;
    const quiet = new Promise<void>((resolve) => (loaded = resolve));
    const moment = offlineMoment(Promise.resolve(), () => quiet);
    await vi.advanceTimersByTimeAsync(OFFLINE_AT_LATEST_MS * 2);
    expect(await settled(moment)).toBe(false);
    loaded();
    expect(await settled(moment)).toBe(true);
  });
});
