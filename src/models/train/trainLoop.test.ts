import { describe, expect, it } from 'vitest';
import { TrainControl } from './control';
import { runTrainingLoop, type TrainingTask } from './trainLoop';

/** A task whose batches are numbers (rows per batch) and whose step records what it was given. */
function countingTask(batchesPerEpoch: number, rows: number) {
  const seen: { batch: number; lr: number; step: number }[] = [];
  const evaluated: { epoch: number; step: number }[] = [];
  const task: TrainingTask<number> = {
    batchesOf: () => Array.from({ length: batchesPerEpoch }, (_, i) => i),
    step: async (batch, lr, step) => {
      seen.push({ batch, lr, step });
      return { loss: 1 / (step + 1), examples: rows, tokens: rows * 3 };
    },
    evaluate: async (epoch, step) => {
      evaluated.push({ epoch, step });
      return null;
    },
  };
  return { task, seen, evaluated };
}

const lr = { peak: 1, warmupSteps: 1, floor: 0.1 };

describe('the training loop', () => {
  it('runs every batch of every epoch without a step budget', async () => {
    const { task, seen, evaluated } = countingTask(4, 8);
    const settings = { epochs: 3, lr, stepsPerEpoch: 4, evalEveryEpochs: 0, evaluateLast: true };
    const out = await runTrainingLoop(task, settings, {}, new TrainControl());
    expect(out.steps).toBe(12);
    expect(out.examples).toBe(96);
    expect(evaluated).toEqual([{ epoch: 3, step: 12 }]);
    expect(seen.at(-1)!.lr).toBeCloseTo(0.1, 1);
  });

  it('stops mid-epoch at maxSteps, decays the schedule over them and evaluates there', async () => {
    const { task, seen, evaluated } = countingTask(4, 8);
    const settings = {
      epochs: 3,
      lr,
      stepsPerEpoch: 4,
      evalEveryEpochs: 0,
      evaluateLast: true,
      maxSteps: 6,
    };
    const out = await runTrainingLoop(task, settings, {}, new TrainControl());
    expect(out.steps).toBe(6);
    expect(out.examples).toBe(48);
    expect(seen.map((s) => s.batch)).toEqual([0, 1, 2, 3, 0, 1]);
    // the last step is at the end of the (shortened) schedule: the floor, not mid-decay
    expect(seen.at(-1)!.lr).toBeLessThan(0.2);
    expect(evaluated).toEqual([{ epoch: 2, step: 6 }]);
  });
});
