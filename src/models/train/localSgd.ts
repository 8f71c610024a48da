import type { Batch } from '../../core/dsi/examples';
import { lossNorm } from '../../core/dsi/splitBatch';
import { disposeSeq2Seq, type Seq2SeqConfig, type Seq2SeqModel } from '../seq2seq';
import type { OptimizerParams } from './config';
import {
  flatOptimizerFor,
  localGradients,
  readWeights,
  writeWeights,
  zeroedSeq2Seq,
} from './dataParallel';
import type { FlatOptimizer } from './flatOptimizer';
import type { StepFn } from './trainStep';

/**
 * Local SGD (Stich, "Local SGD converges fast and communicates little", 2019): each worker trains
 * a copy of the model on batches of its own, with its own optimizer, and every few steps the
 * copies' weights are averaged. Unlike data-parallel training (dataParallel.ts), which meets on
 * every step and follows one worker's path exactly, the workers here wait for each other only
 * at the averaging, so on two cores they come close to two independent trainings' speed; what is
 * learned differs (each copy steps on its own batches between averagings).
 *
 * On the built-in corpus's dev split (the classroom preset, 2 copies averaged every 8 batches,
 * simulated on one thread, three seeds) Hits@1 was 0.722 / 0.733 / 0.789 against 0.644 / 0.700 /
 * 0.800 for the same batches on one worker. Not the page's default (?localSgd=N asks for it):
 * only two copies were tried for quality, and the page's other runs keep one worker's path.
 */

/** Batches (all copies together) between two averagings of the copies' weights. */
export const LOCAL_SGD_PERIOD = 8;

/** A worker that trains a copy of the model on the batches it is given (another thread, or this one in tests). */
export interface ReplicaHelper {
  /** Build a copy shaped by `config`, at `weights`, with an optimizer of its own. */
  startReplica(
    config: Seq2SeqConfig,
    optimizer: OptimizerParams,
    weights: Float32Array,
  ): Promise<void>;
  /** One optimizer step of the copy on `batch`; its loss. */
  replicaStep(batch: Batch, lr: number, distillWeight: number): Promise<number>;
  /** The copy's weights after the steps asked for so far (an array of the caller's own). */
  replicaWeights(): Promise<Float32Array>;
  /** Put `weights` into the copy (its optimizer's moments stay). */
  setReplicaWeights(weights: Float32Array): Promise<void>;
  /** Free the copy. */
  releaseReplica(): Promise<void>;
}

/** to[i] += from[i] (a loop of its own, so that V8 compiles it tight) */
function addInto(to: Float32Array, from: Float32Array): void {
  for (let i = 0; i < to.length; i++) to[i] += from[i];
}

function scale(w: Float32Array, by: number): void {
  for (let i = 0; i < w.length; i++) w[i] *= by;
}

/** One copy of a model with its flat weights and optimizer. */
interface Replica {
  model: Seq2SeqModel;
  weights: Float32Array;
  optimizer: FlatOptimizer;
}

/** One step of a copy: its gradients on `batch`, the optimizer, the new weights into its model. */
async function replicaStep(r: Replica, batch: Batch, lr: number, distillWeight: number) {
  const { loss, grads } = await localGradients(r.model, batch, lossNorm(batch), distillWeight);
  r.optimizer.step(r.weights, grads, lr);
  writeWeights(r.model, r.weights);
  return loss;
}

/**
 * A copy on this thread: the training worker's implementation, and the tests' stand-in. Calls run
 * one after another in the order they came (a step awaits its gradients, and a message that
 * arrives meanwhile must not start on the same model).
 */
export function createReplicaHelper(): ReplicaHelper {
  let replica: Replica | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => T | Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  const current = () => {
    if (!replica) throw new Error('the training worker has no copy of the model (start it first)');
    return replica;
  };
  const free = () => {
    if (replica) disposeSeq2Seq(replica.model);
    replica = null;
  };
  return {
    startReplica: (config, optimizer, weights) =>
      inTurn(() => {
        free();
        // the weights come with the call
        const model = zeroedSeq2Seq(config);
        writeWeights(model, weights);
        replica = { model, weights, optimizer: flatOptimizerFor(model, optimizer) };
      }),
    replicaStep: (batch, lr, distillWeight) =>
      inTurn(() => replicaStep(current(), batch, lr, distillWeight)),
    replicaWeights: () => inTurn(() => current().weights.slice()),
    setReplicaWeights: (weights) =>
      inTurn(() => {
        const r = current();
        r.weights = weights;
        writeWeights(r.model, weights);
      }),
    releaseReplica: () => inTurn(free),
  };
}

/** Local SGD's steps, and the averaging the trainer asks for before it evaluates or ends. */
export interface LocalSgdSteps {
  /**
   * One batch: computed here (the model's own copy) or handed to a helper's copy, in turn. A
   * batch handed over reports the latest loss known (its own comes in later).
   */
  step: StepFn;
  /** Wait for the helpers' steps, average the copies and put the average into the model. */
  sync(): Promise<void>;
}

/**
 * Local SGD for `model` with `helpers` (each holding a copy, started at the first step): batches
 * go round the copies, the helpers' first, and every `period` batches the copies are averaged.
 * After sync() the model holds the average; the helpers' copies start again from it.
 */
export function localSgdStepper(
  model: Seq2SeqModel,
  optimizer: OptimizerParams,
  helpers: readonly ReplicaHelper[],
  period = LOCAL_SGD_PERIOD,
): LocalSgdSteps {
  const own: Replica = {
    model,
    weights: readWeights(model),
    optimizer: flatOptimizerFor(model, optimizer),
  };
  const copies = helpers.length + 1;
  let started: Promise<unknown> | null = null;
  let turn = 0;
  let sinceSync = 0;
  let lastLoss = 0;
  let pending: Promise<number>[] = [];

  async function sync() {
    if (sinceSync === 0 || helpers.length === 0) return;
    sinceSync = 0;
    // the next round starts with the helpers' batches again, so none of them waits for one of
    // this worker's steps before its first
    turn = 0;
    const handed = pending;
    pending = [];
    await Promise.all(handed);
    const others = await Promise.all(helpers.map((h) => h.replicaWeights()));
    const w = own.weights;
    for (const o of others) addInto(w, o);
    scale(w, 1 / copies);
    writeWeights(model, w);
    await Promise.all(helpers.map((h) => h.setReplicaWeights(w.slice())));
  }

  const step: StepFn = async (batch, lr, distillWeight) => {
    started ??= Promise.all(
      helpers.map((h) => h.startReplica(model.config, optimizer, own.weights.slice())),
    );
    await started;
    // each round hands the helpers their batches first, so that they work while this worker
    // computes its own (the trainer asks for one batch at a time)
    const at = turn;
    turn = (turn + 1) % copies;
    sinceSync++;
    if (at === helpers.length) lastLoss = await replicaStep(own, batch, lr, distillWeight);
    else {
      const handed = helpers[at].replicaStep(batch, lr, distillWeight);
      pending.push(handed);
      handed.then(
        (loss) => (lastLoss = loss),
        () => undefined,
      );
    }
    const loss = lastLoss;
    if (sinceSync >= period) await sync();
    return loss;
  };
  return { step, sync };
}
