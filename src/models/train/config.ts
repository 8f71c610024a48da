import { DEFAULT_DSI_DATA, type DsiDataConfig } from '../../core/dsi/prepare';
import type { Seq2SeqConfig } from '../seq2seq';
import { DEFAULT_LR_SCHEDULE, type LrScheduleParams } from './schedule';

// Plain data, no TF.js: the page imports these settings without pulling TF.js into its bundle.

export type OptimizerName = 'adam' | 'lion';

export interface OptimizerParams {
  name: OptimizerName;
  /** Default 0.9 */
  beta1: number;
  /** Default 0.999 (Adam) / 0.99 (Lion) */
  beta2: number;
  /** decoupled weight decay (AdamW / Lion). Default 0.01 */
  weightDecay: number;
}

export const DEFAULT_OPTIMIZER: OptimizerParams = {
  name: 'adam',
  beta1: 0.9,
  beta2: 0.999,
  weightDecay: 0.01,
};

/** The model's shape; vocabularies and lengths come from the data. */
export type DsiModelShape = Pick<
  Seq2SeqConfig,
  'dModel' | 'heads' | 'dFF' | 'encoderLayers' | 'decoderLayers'
>;

export interface DsiTrainConfig {
  data: DsiDataConfig;
  model: DsiModelShape;
  /** passes over the examples. Default 30; DSI needs many passes to memorise docids */
  epochs: number;
  /**
   * stop once about this many training examples have been seen, mid-epoch if need be (the
   * benchmark's fixed budget; pre-training not counted). Default: none, every epoch runs whole
   */
  maxExamples?: number;
  /** examples per step. Default 32 */
  batchSize: number;
  lr: Omit<LrScheduleParams, 'totalSteps'>;
  optimizer: OptimizerParams;
  /** evaluate on held-out queries every this many epochs (0 = only at the end). Default 5 */
  evalEveryEpochs: number;
  /** at most this many held-out queries per evaluation (a fixed, seeded sample). Default 100 */
  evalQueries: number;
  /** qrels split the evaluation reads: dev, carved from train (test is for the benchmark). Default 'dev' */
  evalSplit: string;
}

export const DEFAULT_DSI_TRAIN: DsiTrainConfig = {
  data: DEFAULT_DSI_DATA,
  model: { dModel: 128, heads: 4, dFF: 512, encoderLayers: 2, decoderLayers: 2 },
  epochs: 30,
  batchSize: 32,
  lr: DEFAULT_LR_SCHEDULE,
  optimizer: DEFAULT_OPTIMIZER,
  evalEveryEpochs: 5,
  evalQueries: 100,
  evalSplit: 'dev',
};
