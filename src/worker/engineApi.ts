import type { CorpusHead, CorpusPart } from '../core/corpus/corpusParts';
import type { Corpus } from '../core/corpus/types';
import type { DocidVocab } from '../core/docids/types';
import type { TraceEntry } from '../core/decode/searchTree';
import type { DenseSearchPlanParams } from '../core/dense/annRecall';
import type { DenseTrainConfig } from '../models/dense/config';
import type { DenseCheckpointFiles } from '../models/dense/denseCheckpoint';
import type { DsiCheckpointFiles } from '../models/readDsiCheckpoint';
import type { DecodeParams } from '../models/docidSearch';
import type { EarlyQuestion } from './earlyAnswer';
import type { SharingChoice } from '../models/train/sharingTrial';
import type { BackendName, BackendReport } from '../models/backend';
import type { QueryFilterParams } from '../core/querygen/filter';
import type { QueryGenCheckpointFiles } from '../models/queryGenCheckpoint';
import type { QueryGenSampleParams, QueryGenTrainConfig } from '../models/queryGenConfig';
import type { Seq2SeqConfig } from '../models/seq2seq';
import type { SpeedResult } from '../models/train/speedBenchmark';
import type { TokenizerParams } from '../core/text/tokenizer';
import type { NgramIndexTiming } from './ngramIndexTiming';
import type { DsiTrainConfig, EvalPoint, TrainProgress } from '../models/train/trainDsi';
import type { RequestTag, Superseded } from './latestRequests';

export type { RequestTag, Superseded } from './latestRequests';

/** What the page shows about the generative model in use. */
export interface ModelInfo {
  /** 'checkpoint' = shipped with the app; 'trained' = trained in this page */
  source: 'checkpoint' | 'trained';
  corpusName: string;
  docCount: number;
  parameters: number;
  docidScheme: string;
  config: Record<string, unknown>;
  /** the metrics the model reached when it was trained, on `metricsSplit` */
  metrics: Record<string, number>;
  /** the qrels split those metrics come from (dev for models trained here) */
  metricsSplit: string;
  /** cluster id ("3-1") → top terms, for semantic docids */
  clusterTerms: Record<string, string[]>;
  /** the decoder's docid vocabulary: how each token reads */
  docidVocab: DocidVocab;
  /** SEAL: bytes of the n-gram index (the corpus's tokens and their suffix array) */
  ngramIndexBytes?: number;
}

export interface GenerativeHit {
  docId: string;
  /** the decoded identifier's key, one group per token ("3-1-0-7") */
  docid: string;
  /** the decoded identifier as a person reads it ("3-1-0-7", "astro-02", "Venus (planet)") */
  label: string;
  /** its decoder tokens (without EOS) */
  tokens: number[];
  logProb: number;
  score: number;
  /** diverse beam search: the group that found it */
  group?: number;
  /** SEAL: the n-grams the document holds (texts), heaviest first */
  ngrams?: string[];
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
  /** SEAL: the heaviest n-grams the search wrote, heaviest first */
  ngrams?: AnswerNgram[];
  /** SEAL: how often each n-gram of the trace occurs in the corpus, keyed like `docOf` */
  ngramCounts?: Record<string, number>;
  /** SEAL: each finished n-gram's first documents (ids), keyed like `docOf` */
  ngramDocs?: Record<string, string[]>;
}

/** One n-gram of a SEAL answer. */
export interface AnswerNgram {
  /** its key, one group per token ("12-407-9"), as the trace's prefixes */
  key: string;
  /** as a person reads it (" thick clouds of") */
  text: string;
  /** its weight in the document scores (0: too common to count) */
  weight: number;
  /** log P(n-gram | query) under the model */
  logProb: number;
  /** occurrences in the corpus, and documents holding it (0 when too common to look up) */
  count: number;
  docCount: number;
}

/** What the page shows about the dense retriever (dual encoder) in use. */
export interface DenseInfo {
  source: 'checkpoint' | 'trained';
  corpusName: string;
  docCount: number;
  parameters: number;
  /** embedding size */
  dim: number;
  /** Matryoshka prefixes it was trained for ([] = the full vector only) */
  matryoshkaDims: number[];
  config: Record<string, unknown>;
  /** the metrics the model reached when it was trained, on `metricsSplit` */
  metrics: Record<string, number>;
  /** the qrels split those metrics come from (dev for models trained here) */
  metricsSplit: string;
  /** memory: float32 parameters, the document embedding matrix, the HNSW graph's links */
  sizes: { parameterBytes: number; embeddingBytes: number; annBytes: number };
  /** exact search (one matMul + top-k) or, above the size threshold, HNSW with its measured recall */
  search: { kind: 'exact' | 'hnsw'; recallAt10?: number; sampledQueries?: number };
}

export interface DenseAnswer {
  query: string;
  /** embedding dimensions searched (a Matryoshka prefix, or all) */
  dims: number;
  hits: { docId: string; score: number }[];
  /** the query on the embedding map's axes, once the map exists */
  point: [number, number] | null;
  ms: number;
}

/** Document embeddings on their first two principal axes. */
export interface EmbeddingMap {
  docIds: string[];
  /** row-major [docs × 2] */
  points: Float32Array;
  /** variance share of each axis */
  explained: number[];
}

/** A method's ranked lists for many queries, with the time each query took. */
export interface MethodRun {
  run: Record<string, { docId: string; score: number }[]>;
  latencyMs: number[];
}

export interface DenseTrainCallbacksApi {
  onStage(stage: string): void;
  onPrepared(info: {
    parameters: number;
    pairs: Record<string, number>;
    vocab: number;
    maxLen: number;
  }): void;
  onProgress(p: TrainProgress): void;
  onEval(e: EvalPoint): void;
}

export interface DenseTrainOutcome {
  cancelled: boolean;
  dense: DenseInfo | null;
  speed: { examplesPerSec: number; tokensPerSec: number; seconds: number };
}

/** The learned query generator in use (DSI-QG). */
export interface QueryGenInfo {
  /** the collection whose (query, passage) pairs trained it */
  corpusName: string;
  pairs: number;
  parameters: number;
  config: Record<string, unknown>;
}

/** Queries the generator wrote for a corpus, filtered by BM25. */
export interface GeneratedSummary {
  /** the corpus they were written for */
  corpusName: string;
  docCount: number;
  /** the collection the generator was trained on (may differ: a generator moves between corpora) */
  generatorCorpus: string;
  /** samples kept after duplicates were dropped */
  total: number;
  /** those whose passage BM25 ranks within maxRank */
  kept: number;
  perDoc: number;
  maxRank: number;
  seconds: number;
}

/** One generated query of a document, with its filter verdict. */
export interface GeneratedQuery {
  text: string;
  /** BM25 rank of its own passage for it (1-based; null beyond the search depth) */
  rank: number | null;
  kept: boolean;
}

export interface QueryGenCallbacksApi {
  onStage(stage: string): void;
  onProgress(p: TrainProgress): void;
  onEval(e: EvalPoint): void;
}

export interface QueryGenOutcome {
  cancelled: boolean;
  generator: QueryGenInfo | null;
  speed: { examplesPerSec: number; tokensPerSec: number; seconds: number };
}

/** What the engine has done since it started, and the TF.js memory it holds now. */
export interface EngineActivity {
  /** beam searches decoded (single searches and every query of an evaluation run) */
  beamSearches: number;
  /** dense searches run */
  denseSearches: number;
  /** requests dropped because a newer one of the same kind arrived before or while they ran */
  superseded: number;
  /** beam searches answered by the decode of the page address's question, begun before they came */
  earlyAnswers: number;
  /** tensors alive in TF.js */
  tensors: number;
  /** bytes those tensors hold */
  bytes: number;
}

export interface TrainCallbacksApi {
  onStage(stage: string): void;
  onPrepared(info: {
    parameters: number;
    examples: { indexing: number; queries: number; pseudo: number; generated: number };
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
  /**
   * `workers`: how many workers could share each step (1 when the engine trained alone);
   * `sharing`: whether sharing measured faster than one worker, and by how much
   */
  speed: {
    examplesPerSec: number;
    tokensPerSec: number;
    seconds: number;
    workers?: number;
    sharing?: SharingChoice | null;
    /** local SGD: batches between averagings of the workers' copies (?localSgd=N) */
    localSgdPeriod?: number;
  };
}

/**
 * Which model a drop is meant for: a late drop (say, of the shipped checkpoint after the page
 * switched corpus) must not take away a model put in use since.
 */
export interface ModelOrigin {
  source: 'checkpoint' | 'trained';
  corpusName: string;
}

/**
 * The engine worker owns TF.js and every model. The page imports this interface as a type only
 * and talks to the worker through Comlink.
 */
export interface EngineWorkerApi {
  /**
   * Pick and start the TF.js backend (webgpu → webgl → wasm → cpu), `preferred` first when given;
   * `wasmThreads`: the wasm backend's threads (default one; more need a cross-origin isolated page).
   * `trainWorkers`: workers that share each training batch on wasm with one thread (default:
   * every core, up to four). `wasmComing`: the URL of a wasm binary the worker downloads while
   * TF.js's script loads, which TF.js then takes from provideWasm instead of fetching it.
   * `localSgdPeriod`: the training workers run local SGD instead of sharing each batch, each on
   * a copy of the model, averaged every that many batches (models/train/localSgd.ts).
   */
  init(
    preferred?: BackendName,
    wasmThreads?: number,
    trainWorkers?: number,
    wasmComing?: string,
    localSgdPeriod?: number,
  ): Promise<BackendReport>;
  /** The bytes of the wasm binary named to init; null when the download failed. */
  provideWasm(url: string, bytes: ArrayBuffer | null): void;
  /** Switch to another backend (weights move with it). */
  setBackend(name: BackendName): Promise<BackendReport>;
  /**
   * The checkpoint at `url` is on its way (the shipped one, while the page still decides which
   * model to use): a later loadCheckpoint(url) waits for provideCheckpoint(url, …) instead of
   * downloading it again. `question`: the one the page's address carries, with the settings of
   * its first search, decoded as soon as the model is there. `download`: the worker downloads it
   * now and provides it itself (worker/firstAnswers.ts), so the page's thread reads none of it.
   */
  expectCheckpoint(url: string, question?: EarlyQuestion, download?: boolean): void;
  /**
   * The files of an expected checkpoint, as fetchCheckpointBytes gives them; null when that
   * download failed, so the engine downloads them when it loads the checkpoint.
   */
  provideCheckpoint(url: string, bytes: ArrayBuffer[] | null): void;
  /** Load a shipped checkpoint; its documents must be those of the page's corpus. */
  /**
   * Returns the model in use afterwards: the checkpoint's, unless another model was put in use
   * while it downloaded (that one stays; null if the slot was emptied meanwhile).
   */
  loadCheckpoint(url: string, corpusName: string): Promise<ModelInfo | null>;
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
  dropModel(onlyIf?: ModelOrigin): Promise<void>;
  /**
   * Decode docids for `query` (diverse beam search when params.groups > 1). With a `request` tag, a
   * newer request of the same channel drops this one before or during decoding (Superseded).
   */
  search(
    query: string,
    params: DecodeParams,
    request?: RequestTag,
  ): Promise<GenerativeAnswer | Superseded>;
  /** Generative answers for many queries, one at a time (evaluation). */
  generativeRun(queries: { id: string; text: string }[], params: DecodeParams): Promise<MethodRun>;
  /** Each document's readable docid under the generative model (for colouring the map). */
  docidsOfDocs(): Promise<Record<string, string>>;

  /** Load a shipped dense checkpoint; its documents must be those of the page's corpus. */
  /** Returns the dense model in use afterwards, as loadCheckpoint does. */
  loadDenseCheckpoint(
    url: string,
    corpusName: string,
    queries: string[],
  ): Promise<DenseInfo | null>;
  /** Train a dual encoder on `corpus` (the generative model's pairs); resolves when it ends. */
  trainDense(
    corpus: Corpus,
    config: DenseTrainConfig,
    callbacks: DenseTrainCallbacksApi,
  ): Promise<DenseTrainOutcome>;
  /** Forget the dense model (with `onlyIf`: only when it is that one). */
  dropDense(onlyIf?: ModelOrigin): Promise<void>;
  /** Change when dense search uses HNSW instead of exact search (applies to models loaded later). */
  setDenseSearchPlan(plan: Partial<DenseSearchPlanParams>): Promise<void>;
  /** The `k` nearest documents by embedding (a Matryoshka prefix of `dims` when given). */
  denseSearch(
    query: string,
    k: number,
    dims?: number,
    request?: RequestTag,
  ): Promise<DenseAnswer | Superseded>;
  denseRun(queries: { id: string; text: string }[], k: number, dims?: number): Promise<MethodRun>;
  embeddingMap(): Promise<EmbeddingMap>;

  /** Train the query generator on `corpus`'s training pairs (DSI-QG); it replaces the previous one. */
  trainQueryGenerator(
    corpus: Corpus,
    config: QueryGenTrainConfig,
    callbacks: QueryGenCallbacksApi,
  ): Promise<QueryGenOutcome>;
  /** Sample queries for every document of `corpus` with the generator in use and filter them. */
  generateQueries(
    corpus: Corpus,
    sample: QueryGenSampleParams,
    filter: QueryFilterParams,
    onProgress: (done: number, total: number) => void,
  ): Promise<GeneratedSummary>;
  /** A document's generated queries with their filter marks ([] when none were generated). */
  generatedFor(docId: string): Promise<GeneratedQuery[]>;
  /** Forget the generated queries (the corpus changed); the generator stays. */
  dropGenerated(): Promise<void>;
  /** The query generator in use as checkpoint files. */
  exportQueryGenerator(): Promise<QueryGenCheckpointFiles>;
  /** Put a saved query generator in use (it replaces the one in use, for any corpus). */
  importQueryGenerator(files: QueryGenCheckpointFiles): Promise<QueryGenInfo>;
  /** The generative model in use as checkpoint files (to keep it in the browser's storage). */
  exportGenerative(): Promise<DsiCheckpointFiles>;
  /** Put a saved generative model in use (trained in the page earlier, for `corpusName`). */
  importGenerative(files: DsiCheckpointFiles, corpusName: string): Promise<ModelInfo>;
  /** The dense model in use as checkpoint files. */
  exportDense(): Promise<DenseCheckpointFiles>;
  /** Put a saved dense model in use; `queries` sample its HNSW recall when it needs one. */
  importDense(
    files: DenseCheckpointFiles,
    corpusName: string,
    queries: string[],
  ): Promise<DenseInfo>;
  /** Work done so far and TF.js memory now (the header's engine details; leak checks). */
  activity(): Promise<EngineActivity>;
  /** Training speed of a model shape on random ids (the benchmark page calls this). */
  measureTrainingSpeed(
    config: Seq2SeqConfig,
    batchSize: number,
    steps: number,
    warmup: number,
  ): Promise<SpeedResult>;
  /** SEAL: encoding `texts` and building their n-gram index in this worker (the benchmark page). */
  measureNgramIndex(texts: string[], tokenizer: TokenizerParams): Promise<NgramIndexTiming>;
}

/** The engine's methods that take a whole corpus. */
export type CorpusMethods = 'train' | 'trainDense' | 'trainQueryGenerator' | 'generateQueries';

/** A corpus handed to the engine worker in parts (store/handCorpus.ts), named by its number. */
export interface CorpusTicket {
  corpusTicket: number;
}

type WithTicket<F> = F extends (corpus: Corpus, ...rest: infer R) => infer T
  ? (corpus: CorpusTicket, ...rest: R) => T
  : never;

/**
 * The engine with its corpus intake: a corpus goes over in parts first
 * (`beginCorpus`, `addCorpusPart`), and the methods that take one name it by its ticket, so no
 * single message copies the whole corpus on the page's thread (worker/corpusTickets.ts).
 */
export type TicketedEngineApi = Omit<EngineWorkerApi, CorpusMethods> & {
  [K in CorpusMethods]: WithTicket<EngineWorkerApi[K]>;
} & {
  beginCorpus(ticket: number, head: CorpusHead): void;
  addCorpusPart(ticket: number, part: CorpusPart): void;
};

/** The engine worker as the page reaches it: the first answers in front of the engine. */
export type EnginePageApi = Omit<TicketedEngineApi, 'activity'> & {
  /** the engine's counters, with those of the answers given before TF.js (worker/firstAnswers.ts) */
  activity(): Promise<PageEngineActivity>;
  /**
   * The question the page will search first, typed before the app rendered: the expected
   * checkpoint `url` decodes it as soon as it is read (instead of an earlier one), so the page's
   * first search finds its answer under way. Only while that checkpoint is not in use yet.
   */
  expectQuestion(url: string, question: EarlyQuestion): void;
};

/** The engine's activity as the page sees it: its own, and the first answers' in front of it. */
export interface PageEngineActivity extends EngineActivity {
  /** beam searches answered without TF.js, before it was up (worker/firstAnswers.ts) */
  firstAnswers: number;
  /** searches are answered that way now: TF.js does not hold the model yet */
  plainAnswering: boolean;
}
