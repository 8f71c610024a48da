import type { Corpus } from '../core/corpus/types';
import type { TraceEntry } from '../core/decode/searchTree';
import type { DecodeParams } from '../models/dsiRetriever';
import type { BackendName, BackendReport } from '../models/backend';
import type { Seq2SeqConfig } from '../models/seq2seq';
import type { SpeedResult } from '../models/train/speedBenchmark';
import type { DsiTrainConfig, EvalPoint, TrainProgress } from '../models/train/trainDsi';

/** What the page shows about the generative model in use. */
export interface ModelInfo {
  /** 'checkpoint' = shipped with the app; 'trained' = trained in this page */
  source: 'checkpoint' | 'trained';
  corpusName: string;
  docCount: number;
  parameters: number;
  docidScheme: string;
  config: Record<string, unknown>;
  /** held-out metrics the model reached when it was trained */
  metrics: Record<string, number>;
  /** cluster id ("3-1") → top terms, for semantic docids */
  clusterTerms: Record<string, string[]>;
}

export interface GenerativeHit {
  docId: string;
  /** the decoded identifier, readable ("3-1-0-7") */
  docid: string;
  /** its decoder tokens (without EOS) */
  tokens: number[];
  logProb: number;
  score: number;
  /** diverse beam search: the group that found it */
  group?: number;
}

export interface GenerativeAnswer {
  query: string;
  /** the settings it was decoded with */
  params: DecodeParams;
  hits: GenerativeHit[];
  /** every decoding step (one entry per group and step for diverse beam search) */
  trace: TraceEntry[];
  /** readable docid → document id, for every sequence that ended in the trace and is a docid */
  docOf: Record<string, string>;
  ms: number;
}

export interface TrainCallbacksApi {
  onStage(stage: string): void;
  onPrepared(info: {
    parameters: number;
    examples: { indexing: number; queries: number; pseudo: number };
    docidScheme: string;
    tgtLen: number;
    srcVocab: number;
  }): void;
  onProgress(p: TrainProgress): void;
  onEval(e: EvalPoint): void;
}

export interface TrainOutcome {
  cancelled: boolean;
  model: ModelInfo | null;
  speed: { examplesPerSec: number; tokensPerSec: number; seconds: number };
}

/**
 * The engine worker owns TF.js and every model. The page imports this interface as a type only
 * and talks to the worker through Comlink.
 */
export interface EngineWorkerApi {
  /** Pick and start the TF.js backend (webgpu → webgl → wasm → cpu), `preferred` first when given. */
  init(preferred?: BackendName): Promise<BackendReport>;
  /** Switch to another backend (weights move with it). */
  setBackend(name: BackendName): Promise<BackendReport>;
  /** Load a shipped checkpoint; its documents must be those of the page's corpus. */
  loadCheckpoint(url: string, corpusName: string): Promise<ModelInfo>;
  /** Train a new model on `corpus`; resolves when training ends (or is cancelled). */
  train(
    corpus: Corpus,
    config: DsiTrainConfig,
    callbacks: TrainCallbacksApi,
  ): Promise<TrainOutcome>;
  pauseTraining(): Promise<void>;
  resumeTraining(): Promise<void>;
  cancelTraining(): Promise<void>;
  /** Forget the model (the page's corpus changed). */
  dropModel(): Promise<void>;
  /** Decode docids for `query` (diverse beam search when params.groups > 1). */
  search(query: string, params: DecodeParams): Promise<GenerativeAnswer>;
  /** tensors alive in TF.js (leak checks) */
  numTensors(): Promise<number>;
  /** Training speed of a model shape on random ids (the benchmark page calls this). */
  measureTrainingSpeed(
    config: Seq2SeqConfig,
    batchSize: number,
    steps: number,
    warmup: number,
  ): Promise<SpeedResult>;
}
