import * as Comlink from 'comlink';
import type { BackendReport } from '../models/backend';
import type { Seq2SeqModel } from '../models/seq2seq';
import { dataParallelStepper, type GradientHelper } from '../models/train/dataParallel';
import { localSgdStepper, type ReplicaHelper } from '../models/train/localSgd';
import type { OptimizerParams } from '../models/train/optimizers';
import { SharingTrial } from '../models/train/sharingTrial';
import type { SharedTraining } from '../models/train/trainStep';

/** How many workers train the generative model by default: every core, up to four. */
export const defaultTrainWorkers = (cores: number) => Math.max(1, Math.min(4, Math.floor(cores)));

/** The header's words for how the generative model trains on `report`'s backend. */
export function describeTraining(
  report: BackendReport,
  workers: number,
  localSgdPeriod?: number,
): string | undefined {
  if (report.backend !== 'wasm') return undefined;
  if (workers > 1 && localSgdPeriod)
    return `Training runs local SGD on ${workers} workers, one wasm thread each (asked for with ?localSgd=${localSgdPeriod}): each trains a copy of the model on batches of its own, and the copies are averaged every ${localSgdPeriod} batches. Faster than sharing each batch, but what is learned differs from one worker's training.`;
  if (workers > 1)
    return `Training shares each batch among ${workers} workers, one wasm thread each: each computes the gradients of its share of the examples from the same weights, and one optimizer step uses their sum. The first steps of each run time both ways, and sharing stops where one worker is faster (?workers=1 trains on one).`;
  if (/\d+ threads/.test(report.device)) return 'Training runs on the wasm threads.';
  return typeof Worker === 'undefined'
    ? 'Training runs on one worker.'
    : 'Training runs on one worker (?workers=N shares each batch among N).';
}

/**
 * The engine's training on a CPU backend (wasm on one thread, plain JS): `count` − 1 gradient
 * workers beside the engine itself, started at the first training run and kept for the next.
 * Each step's batch is shared among them (data-parallel; models/train/dataParallel.ts).
 */
export class TrainWorkers {
  private helpers: {
    worker: Worker;
    api: Comlink.Remote<GradientHelper & ReplicaHelper>;
    /** rejects when the worker's script fails (Comlink alone would wait for ever) */
    failed: Promise<never>;
  }[] = [];

  /**
   * `localSgdPeriod`: the workers run local SGD (models/train/localSgd.ts), averaging their
   * copies every that many batches, instead of sharing each batch.
   */
  constructor(
    readonly count: number,
    readonly localSgdPeriod?: number,
  ) {}

  private start(): (GradientHelper & ReplicaHelper)[] {
    while (this.helpers.length < this.count - 1) {
      const worker = new Worker(new URL('./gradient.worker.ts', import.meta.url), {
        type: 'module',
        name: `gradients ${this.helpers.length + 1}`,
      });
      const failed = new Promise<never>((_, reject) =>
        worker.addEventListener('error', (e) =>
          reject(new Error(`a training worker failed to start: ${e.message || 'no reason given'}`)),
        ),
      );
      failed.catch(() => undefined);
      this.helpers.push({
        worker,
        api: Comlink.wrap<GradientHelper & ReplicaHelper>(worker),
        failed,
      });
    }
    return this.helpers.map(({ api }) => ({
      prepare: (config) => api.prepare(config),
      // the weights go to the helper without a copy: each call gets an array of its own
      gradients: (weights, part, norm, distillWeight) =>
        api.gradients(Comlink.transfer(weights, [weights.buffer]), part, norm, distillWeight),
      release: () => api.release(),
      startReplica: (config, optimizer, weights) =>
        api.startReplica(config, optimizer, Comlink.transfer(weights, [weights.buffer])),
      replicaStep: (batch, lr, distillWeight) => api.replicaStep(batch, lr, distillWeight),
      replicaWeights: () => api.replicaWeights(),
      setReplicaWeights: (weights) =>
        api.setReplicaWeights(Comlink.transfer(weights, [weights.buffer])),
      releaseReplica: () => api.releaseReplica(),
    }));
  }

  /** Why the helpers could not start, once they failed (the engine then trains alone). */
  failure: string | null = null;

  /**
   * Training steps for `model`: shared with the helpers when there are any, else this worker's
   * alone (the flat optimizer either way).
   */
  async share(
    model: Seq2SeqModel,
    optimizer: OptimizerParams,
    { trial = true }: { trial?: boolean } = {},
  ): Promise<SharedTraining> {
    let helpers: (GradientHelper & ReplicaHelper)[] = [];
    const localSgd = this.localSgdPeriod;
    if (this.count > 1 && !this.failure) {
      try {
        helpers = this.start();
        await Promise.race([
          // local SGD's copies are built at the first step (releaseReplica: the worker answers)
          Promise.all(
            helpers.map((h) => (localSgd ? h.releaseReplica() : h.prepare(model.config))),
          ),
          ...this.helpers.map((h) => h.failed),
        ]);
      } catch (e) {
        // e.g. a browser that cannot start a worker from a worker: train here, and say why
        this.failure = (e as Error).message || String(e);
        this.stop();
        helpers = [];
      }
    }
    if (localSgd && helpers.length > 0) {
      const local = localSgdStepper(model, optimizer, helpers, localSgd);
      return {
        step: local.step,
        sync: local.sync,
        workers: helpers.length + 1,
        choice: () => null,
        localSgdPeriod: localSgd,
        done: async () => {
          // the model ends as the copies' average; after a failed run (its model freed) there is
          // nothing to average into
          await local.sync().catch(() => undefined);
          await Promise.all(helpers.map((h) => h.releaseReplica()));
        },
      };
    }
    const sharing = trial && helpers.length > 0 ? new SharingTrial() : undefined;
    return {
      step: dataParallelStepper(model, optimizer, helpers, { trial: sharing }),
      workers: helpers.length + 1,
      choice: () => sharing?.choice ?? null,
      done: async () => {
        await Promise.all(helpers.map((h) => h.release()));
      },
    };
  }

  /** Stop the helpers' workers (the backend changed, or the engine closes). */
  stop(): void {
    for (const { worker } of this.helpers) worker.terminate();
    this.helpers = [];
  }
}
