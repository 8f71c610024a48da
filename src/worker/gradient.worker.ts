import * as Comlink from 'comlink';
import '../models/tfSetup';
import { pickBackend } from '../models/backend';
import { createGradientHelper, type GradientHelper } from '../models/train/dataParallel';
import { createReplicaHelper, type ReplicaHelper } from '../models/train/localSgd';

// A training helper of the engine worker: TF.js on wasm, one thread, computing the gradients of
// one part of each batch (models/train/dataParallel.ts), or training a copy of the model on batches
// of its own (local SGD, models/train/localSgd.ts). The engine starts it and talks to it.
const ready = pickBackend('wasm', ['wasm']);
const helper = createGradientHelper();
const replica = createReplicaHelper();

const api: GradientHelper & ReplicaHelper = {
  prepare: async (config) => {
    await ready;
    return helper.prepare(config);
  },
  gradients: async (weights, part, norm, distillWeight) => {
    await ready;
    const result = await helper.gradients(weights, part, norm, distillWeight);
    return Comlink.transfer(result, [result.grads.buffer]);
  },
  release: () => helper.release(),
  startReplica: async (config, optimizer, weights) => {
    await ready;
    return replica.startReplica(config, optimizer, weights);
  },
  replicaStep: (batch, lr, distillWeight) => replica.replicaStep(batch, lr, distillWeight),
  replicaWeights: async () => {
    const weights = await replica.replicaWeights();
    return Comlink.transfer(weights, [weights.buffer]);
  },
  setReplicaWeights: (weights) => replica.setReplicaWeights(weights),
  releaseReplica: () => replica.releaseReplica(),
};
Comlink.expose(api);
