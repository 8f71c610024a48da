import { DEFAULT_SAMPLING_PARAMS, type SamplingParams } from '../core/querygen/sampling';
import type { TokenizerParams } from '../core/text/tokenizer';
import { DEFAULT_OPTIMIZER, type DsiModelShape, type OptimizerParams } from './train/config';
import type { LrScheduleParams } from './train/schedule';

// Plain data, no TF.js: the page imports these settings without pulling TF.js into its bundle.

/** The generator's Transformer shape; vocabularies and lengths come from the data. */
export type QueryGenModelShape = DsiModelShape;

/**
 * DSI-QG's query generator (Zhuang et al. 2022): the project's seq2seq Transformer trained on
 * (passage → query) pairs from the training qrels, from scratch (DSI-QG fine-tunes docT5query).
 */
export interface QueryGenTrainConfig {
  /**
   * subword vocabulary, learned from passages and training queries; the decoder writes its pieces.
   * Default 4000 pieces (500–8000), minFrequency 2
   */
  tokenizer: TokenizerParams;
  /**
   * dModel default 64 (32–256), heads 4 (must divide dModel), dFF 256 (4 × dModel), encoder and
   * decoder layers 2 each (1–4)
   */
  model: QueryGenModelShape;
  /** passage tokens the encoder reads (longer passages are cut). Default 96; range 16–256 */
  srcLen: number;
  /** longest generated query in tokens (longer training queries are cut). Default 24; 4–64 */
  maxQueryLen: number;
  /** passes over the (passage, query) pairs. Default 20; range 1–200 */
  epochs: number;
  /** pairs per step. Default 32; range 4–256 */
  batchSize: number;
  /** warm-up then cosine decay: peak default 2e-3 (5e-4–5e-3), 50 warm-up steps, floor 0.05 */
  lr: Omit<LrScheduleParams, 'totalSteps'>;
  /** Default AdamW (DEFAULT_OPTIMIZER) */
  optimizer: OptimizerParams;
  /** the qrels split whose (query, relevant passage) pairs train the generator. Default 'train' */
  trainSplit: string;
  /**
   * the qrels split whose pairs give a held-out loss after training (and every `evalEveryEpochs`);
   * '' or a split the corpus lacks: none. Default 'dev'
   */
  evalSplit: string;
  /** held-out loss every this many epochs (0 = only after the last one). Default 0 */
  evalEveryEpochs: number;
  /** weight initialisation and batch order. Default 1 */
  seed: number;
}

export const DEFAULT_QUERYGEN_TRAIN: QueryGenTrainConfig = {
  tokenizer: { vocabSize: 4000, minFrequency: 2 },
  model: { dModel: 64, heads: 4, dFF: 256, encoderLayers: 2, decoderLayers: 2 },
  srcLen: 96,
  maxQueryLen: 24,
  epochs: 20,
  batchSize: 32,
  lr: { peak: 2e-3, warmupSteps: 50, floor: 0.05 },
  optimizer: DEFAULT_OPTIMIZER,
  trainSplit: 'train',
  evalSplit: 'dev',
  evalEveryEpochs: 0,
  seed: 1,
};

/** How many queries to sample per passage, and how. */
export interface QueryGenSampleParams {
  /** queries sampled per passage (before duplicates and the filter drop some). Default 5; 1–20 */
  perDoc: number;
  sampling: SamplingParams;
  /** seed of the draws: same generator + passages + params → same queries. Default 1 */
  seed: number;
}

export const DEFAULT_QUERYGEN_SAMPLE: QueryGenSampleParams = {
  perDoc: 5,
  sampling: DEFAULT_SAMPLING_PARAMS,
  seed: 1,
};

/**
 * Sized for a classroom: 20 epochs over the built-in corpus's 510 training pairs, about 1¾ minutes
 * on one CPU core with the wasm backend in Node (measured 174 s on a machine then running the
 * README's reference training step 1.65× slower than its uncontended 197 ms), then about 10 s to
 * sample 5 queries for each of the 156 passages. A from-scratch model cannot generalise from so few
 * pairs (its held-out loss is lowest after ~5 epochs), so it is trained until it reproduces and
 * recombines the training queries: with top-k 10 sampling 75% of the samples rank their own passage
 * in BM25's top 10 (real training queries: 98%); about 3 in 5 of those copy a training query.
 * Measured on the same budget: 1 + 1 layers for 20 epochs reached loss 0.26 and kept 73%, 2 + 2
 * layers for 12 epochs loss 1.95 and kept 21%; 64 passage tokens kept 75% at 3/4 of the time of 96.
 */
export const DEMO_QUERYGEN_CONFIG: QueryGenTrainConfig = {
  ...DEFAULT_QUERYGEN_TRAIN,
  model: { dModel: 64, heads: 4, dFF: 256, encoderLayers: 1, decoderLayers: 1 },
  srcLen: 64,
  epochs: 20,
  batchSize: 16,
  lr: { peak: 3e-3, warmupSteps: 50, floor: 0.05 },
};

/** A generator small enough for end-to-end tests on a software GPU: trains in seconds. */
export const TINY_QUERYGEN_CONFIG: QueryGenTrainConfig = {
  ...DEMO_QUERYGEN_CONFIG,
  tokenizer: { vocabSize: 600, minFrequency: 2 },
  model: { dModel: 16, heads: 2, dFF: 32, encoderLayers: 1, decoderLayers: 1 },
  srcLen: 32,
  maxQueryLen: 12,
  epochs: 2,
  batchSize: 16,
  lr: { peak: 3e-3, warmupSteps: 5, floor: 0.1 },
};
