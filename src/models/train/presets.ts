import { DEFAULT_DSI_DATA } from '../../core/dsi/prepare';
import { DEFAULT_DSI_TRAIN, type DsiTrainConfig } from './config';

/**
 * Sized for a classroom: the built-in corpus indexes in a couple of minutes on two CPU cores. Also
 * the configuration of the checkpoint that ships (npm run train:demo). Chosen on the dev split
 * (npm run tune; README, "Tuning"): atomic docids, no encoder layer (on 156 passages attention
 * blocks overfit), short pseudo-queries drawn anew each epoch, two CorpusBrain pre-training epochs
 * and distillation of BM25's top 50.
 */
export const DEMO_TRAIN_CONFIG: DsiTrainConfig = {
  ...DEFAULT_DSI_TRAIN,
  data: {
    ...DEFAULT_DSI_DATA,
    docidScheme: 'atomic',
    tokenizer: { vocabSize: 4000, minFrequency: 2 },
    srcLen: 48,
    querygen: {
      ...DEFAULT_DSI_DATA.querygen,
      perDoc: 6,
      spanMin: 3,
      spanMax: 10,
      keywordsMin: 2,
      keywordsMax: 5,
    },
    resamplePseudo: true,
    distill: { teacher: 'bm25', weight: 3, temperature: 0.05, topK: 50 },
    pretrainEpochs: 2,
  },
  model: { dModel: 128, heads: 4, dFF: 512, encoderLayers: 0, decoderLayers: 1 },
  epochs: 20,
  batchSize: 32,
  lr: { peak: 2e-3, warmupSteps: 50, floor: 0.05 },
  evalEveryEpochs: 5,
  // every dev question of the built-in corpus (90, carved from train), so its curve is exact
  evalQueries: 200,
};

/** For collections larger than the built-in one: the classroom model, fewer passes, one pseudo-query per strategy. */
export const LARGE_CORPUS_CONFIG: DsiTrainConfig = {
  ...DEMO_TRAIN_CONFIG,
  data: {
    ...DEMO_TRAIN_CONFIG.data,
    tokenizer: { vocabSize: 8000, minFrequency: 2 },
    srcLen: 64,
    querygen: { ...DEMO_TRAIN_CONFIG.data.querygen, perDoc: 1 },
  },
  epochs: 8,
  evalEveryEpochs: 0,
  evalQueries: 0,
};

/** A model small enough for end-to-end tests on a software GPU. */
export const TINY_TRAIN_CONFIG: DsiTrainConfig = {
  ...DEMO_TRAIN_CONFIG,
  data: {
    ...DEMO_TRAIN_CONFIG.data,
    tokenizer: { vocabSize: 600, minFrequency: 2 },
    srcLen: 24,
    querygen: { ...DEFAULT_DSI_DATA.querygen, perDoc: 1 },
    pretrainEpochs: 0,
  },
  model: { dModel: 16, heads: 2, dFF: 32, encoderLayers: 1, decoderLayers: 1 },
  epochs: 3,
  batchSize: 16,
  evalEveryEpochs: 1,
  evalQueries: 10,
};
