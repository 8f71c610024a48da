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

/**
 * For collections larger than the built-in one (SciFact: 5,183 abstracts): atomic docids, width
 * 64 and a higher learning rate so an epoch stays within about a minute on one core, one
 * pseudo-query per strategy, BM25 distilled (λ 1, τ 0.1, top 20), 12 epochs. Chosen on SciFact's
 * dev split among the few settings tried (README, "Tuning"); far from enough for 5,183 classes.
 */
export const LARGE_CORPUS_CONFIG: DsiTrainConfig = {
  ...DEMO_TRAIN_CONFIG,
  data: {
    ...DEMO_TRAIN_CONFIG.data,
    tokenizer: { vocabSize: 8000, minFrequency: 2 },
    srcLen: 64,
    querygen: { ...DEMO_TRAIN_CONFIG.data.querygen, perDoc: 1 },
    distill: { teacher: 'bm25', weight: 1, temperature: 0.1, topK: 20 },
    pretrainEpochs: 0,
  },
  model: { dModel: 64, heads: 4, dFF: 256, encoderLayers: 0, decoderLayers: 1 },
  lr: { ...DEMO_TRAIN_CONFIG.lr, peak: 5e-3 },
  epochs: 12,
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
