import { DEFAULT_DSI_DATA, type DsiDataConfig } from '../../core/dsi/prepare';
import { DEFAULT_OPTIMIZER, type OptimizerParams } from '../train/config';
import type { LrScheduleParams } from '../train/schedule';

// Plain data, no TF.js: the page imports these settings without pulling TF.js into its bundle.

/** How a tower turns its token states into one vector. */
export type DensePooling = 'mean' | 'cls';

/**
 * A Transformer encoder (pre-norm, learned positions, ReLU feed-forward, as the generative model's
 * encoder) that maps a text to one L2-normalised vector: a dual encoder (DPR, Karpukhin et al. 2020).
 */
export interface DualEncoderConfig {
  /** vocabulary: the subword tokenizer's size, shared with the generative model */
  vocab: number;
  /** model width = embedding size. Default 64; 32–512 */
  d: number;
  /** attention heads; must divide d. Default 4 */
  heads: number;
  /** feed-forward width. Default 256 (4 × d) */
  ff: number;
  /**
   * Transformer blocks per tower. Default 2; 0–6. 0 = a learned bag of (token + position)
   * embeddings, which generalises best when a small corpus gives few training pairs
   */
  layers: number;
  /** longest input in tokens (longer texts are cut: FirstP). Default 64 */
  maxLen: number;
  /**
   * 'mean' (default): average of the token states (Sentence-BERT), robust when little data trains
   * the model; 'cls': the state of a [BOS] token put before the text (BERT's [CLS]). With
   * layers = 0 that state never sees the text, so every text gets the same vector
   */
  pooling: DensePooling;
  /**
   * true (default): one encoder for queries and documents (Siamese); false: separate query and
   * document towers (DPR's asymmetric encoder), which still share the token embedding table.
   */
  sharedTowers: boolean;
  /** dropout on embeddings and residual branches while training. Default 0.1; 0–0.3 */
  dropout: number;
  /** weight initialisation seed */
  seed: number;
}

export const DEFAULT_DUAL_ENCODER_CONFIG: DualEncoderConfig = {
  vocab: 8000,
  d: 64,
  heads: 4,
  ff: 256,
  layers: 2,
  maxLen: 64,
  pooling: 'mean',
  sharedTowers: true,
  dropout: 0.1,
  seed: 1,
};

/** The model's shape; vocabulary, input length and seed come from the data config. */
export type DenseModelShape = Pick<
  DualEncoderConfig,
  'd' | 'heads' | 'ff' | 'layers' | 'pooling' | 'sharedTowers' | 'dropout'
>;

export interface DenseTrainConfig {
  /**
   * The generative model's data settings: the same tokenizer and the same (query or pseudo-query,
   * document) pairs train the dense model. `srcLen` is the longest document input.
   */
  data: DsiDataConfig;
  model: DenseModelShape;
  /**
   * softmax temperature τ of InfoNCE (logits = cosine / τ). Default 0.05; 0.01–0.3. Small corpora
   * trained from scratch do better warmer (the demo preset uses 0.2)
   */
  temperature: number;
  /**
   * also the document → query direction of InfoNCE (the loss averages both, as CLIP does). Default
   * true: with few queries per document it gives the document tower a second signal per pair
   */
  symmetric: boolean;
  /**
   * Matryoshka prefix sizes (Kusupati et al. 2022), e.g. [16, 32, 64]: the loss is averaged over
   * these prefixes of the embedding, each re-normalised, so a prefix alone still retrieves. Include
   * d itself to train the full vector. Default [] (the full vector only)
   */
  matryoshkaDims: number[];
  /**
   * append each query's top-ranked non-relevant BM25 document to the batch as an extra negative
   * (DPR's hard negatives). Doubles the documents encoded per step. Default false
   */
  hardNegatives: boolean;
  /** (query, document) pairs per step = in-batch negatives + 1. Default 32; 8–256 */
  batchSize: number;
  /** passes over the pairs. Default 20 */
  epochs: number;
  lr: Omit<LrScheduleParams, 'totalSteps'>;
  optimizer: OptimizerParams;
  /** evaluate on held-out queries every this many epochs (0 = only at the end). Default 5 */
  evalEveryEpochs: number;
  /** at most this many held-out queries per evaluation (a fixed, seeded sample). Default 100 */
  evalQueries: number;
  /** qrels split the evaluation reads: dev, carved from train (test is for the benchmark). Default 'dev' */
  evalSplit: string;
}

export const DEFAULT_DENSE_TRAIN: DenseTrainConfig = {
  data: DEFAULT_DSI_DATA,
  model: {
    d: DEFAULT_DUAL_ENCODER_CONFIG.d,
    heads: DEFAULT_DUAL_ENCODER_CONFIG.heads,
    ff: DEFAULT_DUAL_ENCODER_CONFIG.ff,
    layers: DEFAULT_DUAL_ENCODER_CONFIG.layers,
    pooling: DEFAULT_DUAL_ENCODER_CONFIG.pooling,
    sharedTowers: DEFAULT_DUAL_ENCODER_CONFIG.sharedTowers,
    dropout: DEFAULT_DUAL_ENCODER_CONFIG.dropout,
  },
  temperature: 0.05,
  symmetric: true,
  matryoshkaDims: [],
  hardNegatives: false,
  batchSize: 32,
  epochs: 20,
  lr: { peak: 1e-3, warmupSteps: 50, floor: 0.05 },
  optimizer: DEFAULT_OPTIMIZER,
  evalEveryEpochs: 5,
  evalQueries: 100,
  evalSplit: 'dev',
};
