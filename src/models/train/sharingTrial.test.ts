import { describe, expect, it } from 'vitest';
import { SharingTrial, TRIAL_SAMPLES } from './sharingTrial';

/** Run the trial with steps of each way taking `ms` per token until it chooses. */
function runTrial(msPerToken: { shared: number; alone: number }, tokens = 100) {
  const trial = new SharingTrial();
  const ways: string[] = [];
  while (!trial.choice && ways.length < 100) {
    const way = trial.next();
    ways.push(way);
    trial.record(way, msPerToken[way] * tokens, tokens);
  }
  return { trial, ways };
}

describe('the sharing trial', () => {
  it('alternates the two ways, one untimed step each, then keeps the faster', () => {
    const { trial, ways } = runTrial({ shared: 1, alone: 1.5 });
    expect(ways).toHaveLength(2 * (TRIAL_SAMPLES + 1));
    expect(ways.slice(0, 4)).toEqual(['shared', 'alone', 'shared', 'alone']);
    expect(trial.choice).toEqual({ shared: true, speedup: 1.5 });
    expect(trial.next()).toBe('shared');
  });

  it('trains alone where sharing measures slower', () => {
    const { trial } = runTrial({ shared: 1.25, alone: 1 });
    expect(trial.choice).toEqual({ shared: false, speedup: 0.8 });
    expect(trial.next()).toBe('alone');
  });

  it('compares time per token (batches differ in size) and ignores the warm-up steps', () => {
    const trial = new SharingTrial();
    // the untimed first steps are very slow; later shared steps have batches twice as long
    trial.record('shared', 5000, 100);
    trial.record('alone', 5000, 100);
    for (let i = 0; i < TRIAL_SAMPLES; i++) {
      trial.record('shared', 160, 200);
      trial.record('alone', 100, 100);
    }
    expect(trial.choice?.shared).toBe(true);
    expect(trial.choice?.speedup).toBeCloseTo(1.25);
  });

  it('keeps the median: one slow step (a busy machine) does not decide', () => {
    const trial = new SharingTrial();
    trial.record('shared', 1, 1);
    trial.record('alone', 1, 1);
    for (const [shared, alone] of [
      [80, 100],
      [400, 100],
      [80, 100],
    ]) {
      trial.record('shared', shared, 1);
      trial.record('alone', alone, 1);
    }
    expect(trial.choice?.shared).toBe(true);
  });
});
