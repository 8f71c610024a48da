import * as Comlink from 'comlink';
import '../models/tfSetup';
import { pickBackend } from '../models/backend';
import { createGradientHelper, type GradientHelper } from '../models/train/dataParallel';

// A training helper of the engine worker: TF.js on wasm, one thread, computing the gradients of
// one part of each batch (models/train/dataParallel.ts). The engine starts it and talks to it.
const ready = pickBackend('wasm', ['wasm']);
const helper = createGradientHelper();

const api: GradientHelper = {
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
};
Comlink.expose(api);
