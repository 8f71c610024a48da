import { describe, expect, it } from 'vitest';
import { sharingWords } from './sharingWords';

describe("the run summary's words on sharing batches", () => {
  it('says nothing with one worker', () => {
    expect(sharingWords({ workers: 1 })).toBe('');
    expect(sharingWords({})).toBe('');
  });

  it('says what the trial measured, either way', () => {
    expect(sharingWords({ workers: 2, sharing: { shared: true, speedup: 1.364 } })).toBe(
      ", each batch shared among 2 workers (measured at 1.36× one worker's speed here)",
    );
    expect(sharingWords({ workers: 2, sharing: { shared: false, speedup: 0.84 } })).toBe(
      ', on one worker: sharing each batch among 2 measured 0.84× its speed here, so it stopped',
    );
  });

  it('says when the workers ran local SGD instead', () => {
    expect(sharingWords({ workers: 2, sharing: null, localSgdPeriod: 8 })).toBe(
      ', on 2 copies of the model, one per worker, averaged every 8 batches (local SGD)',
    );
  });

  it('says sharing ran untested when the run ended before the trial did', () => {
    expect(sharingWords({ workers: 3, sharing: null })).toBe(
      ', long batches shared among 3 workers',
    );
  });
});
