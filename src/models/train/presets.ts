import { DEFAULT_DSI_DATA } from '../../core/dsi/prepare';
import { DEFAULT_DSI_TRAIN, type DsiTrainConfig } from './config';

/**
 * Sized for a classroom: the built-in corpus indexes in minutes on two CPU cores. Also the
 * configuration of the checkpoint that ships (npm run train:demo).
 */
export const DEMO_TRAIN_CONFIG: DsiTrainConfig = {
  ...DEFAULT_DSI_TRAIN,
  data: {
    ...DEFAULT_DSI_DATA,
    tokenizer: { vocabSize: 4000, minFrequency: 2 },
    srcLen: 48,
    querygen: { ...DEFAULT_DSI_DATA.querygen, perDoc: 3 },
  },
  model: { dModel: 64, heads: 4, dFF: 256, encoderLayers: 2, decoderLayers: 2 },
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
  },
  model: { dModel: 16, heads: 2, dFF: 32, encoderLayers: 1, decoderLayers: 1 },
  epochs: 3,
  batchSize: 16,
  evalEveryEpochs: 1,
  evalQueries: 10,
};
