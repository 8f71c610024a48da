import { fetchCheckpointBytes, parseCheckpointBytes } from '../models/checkpointFiles';
import { DecodeStopped } from '../models/docidSearch';
import {
  plainRetrieve,
  plainRetrieverOf,
  type PlainRetriever,
} from '../models/plain/plainRetriever';
import { plainParameterCount } from '../models/plain/plainSeq2Seq';
import { checkpointInfo } from './checkpointInfo';
import {
  startEarlyAnswer,
  takeEarlyAnswer,
  type EarlyAnswer,
  type EarlyQuestion,
} from './earlyAnswer';
import type {
  EngineActivity,
  EnginePageApi,
  ModelInfo,
  PageEngineActivity,
  TicketedEngineApi,
} from './engineApi';
import { generativeAnswer } from './generativeAnswer';
import { LatestRequests, yieldToMessages } from './latestRequests';

// No TF.js here. The engine's script holds TF.js (about 1 MB of script, a wasm binary to compile,
// a backend to start), which took the engine until ~1.1 s after the page opened on a two-core
// machine. The shipped checkpoint needs none of it to answer: this layer in front of the engine
// reads it into plain arrays as soon as the page hands it over and answers the first searches
// with the plain forward pass (models/plain/), then loads the engine, hands it the same checkpoint
// and passes every call on once the engine holds the model.

/** When nothing asked for the engine sooner, it starts loading this long after the worker. */
export const ENGINE_LATEST_MS = 3000;

/** A handed-over checkpoint nobody loads (the page restored a model of its own) is let go then. */
const UNUSED_KEPT_MS = 60_000;

type Api = EnginePageApi;
type Method = keyof Api;
/** what the engine behind this layer answers (all but what only this layer does) */
type EngineMethod = keyof TicketedEngineApi;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- calls pass through unchanged
type AnyCall = (...args: any[]) => any;

/**
 * Calls that read or change the generative model: the first answers stop, and these wait until
 * the engine holds the model those came from. Every other call is about something else (the
 * backend, the dense model, generated queries, benchmarks) and leaves the first answers going.
 */
const ABOUT_MODEL: ReadonlySet<Method> = new Set([
  'loadCheckpoint',
  'train',
  'dropModel',
  'search',
  'generativeRun',
  'docidsOfDocs',
  'exportGenerative',
  'importGenerative',
]);

/**
 * Calls the page makes on its own as it starts (the backend, the dense checkpoint, what a restore
 * brings back): they wait for the engine without loading it, since TF.js loading on this worker's
 * thread would hold up the first answer. Any other call loads the engine at once.
 */
const START_UP: ReadonlySet<Method> = new Set([
  'init',
  'provideWasm',
  'activity',
  'loadDenseCheckpoint',
  'dropDense',
  'setDenseSearchPlan',
  'embeddingMap',
  'dropGenerated',
  'importQueryGenerator',
]);

interface Expected {
  question?: EarlyQuestion;
  /** the plain retriever of the handed-over files (null: none came, or they do not read) */
  retriever: Promise<PlainRetriever | null>;
  /** the same, once built */
  built?: PlainRetriever;
  settle(r: PlainRetriever | null): void;
  /** the decode of the address's question, or of the one typed since (earlyAnswer.ts) */
  early?: EarlyAnswer;
  /** parts of the checkpoint the model's description needs */
  describe?: (corpusName: string) => ModelInfo;
  /** the files did not read here: the engine decodes the question itself (and says what is wrong) */
  failed?: boolean;
  /** a loadCheckpoint has taken it (the files may still be on their way) */
  taken?: boolean;
  /** its files came (or their download failed) */
  provided?: boolean;
}

/** The model the first answers come from, until the engine has it. */
interface Serving {
  retriever: PlainRetriever;
  early?: EarlyAnswer;
}

/** What this layer did, added to the engine's activity. */
export interface FirstAnswerCounts {
  /** searches answered by the plain forward pass before the engine held the model */
  firstAnswers: number;
  earlyAnswers: number;
  superseded: number;
}

/**
 * The engine's page API, answering from the shipped checkpoint before `loadEngine` has loaded the
 * engine. The engine loads once the first answer is out, when a call needs it, or ENGINE_LATEST_MS
 * after this starts.
 */
export function withFirstAnswers(
  loadEngine: () => Promise<TicketedEngineApi>,
  latestMs = ENGINE_LATEST_MS,
): Api {
  let load!: () => void;
  const engine = new Promise<TicketedEngineApi>((resolve, reject) => {
    load = () => loadEngine().then(resolve, reject);
  });
  // an engine that failed to load is reported by the calls that need it
  engine.catch(() => undefined);
  let loading = false;
  /** the wasm binary TF.js will ask for (init's `wasmComing`), downloaded while its script loads */
  let wasmUrl: string | undefined;
  const startEngine = () => {
    if (loading) return;
    loading = true;
    clearTimeout(latest);
    load();
    const url = wasmUrl;
    if (url)
      fetch(url)
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .catch(() => null)
        .then((bytes) => engine.then((e) => e.provideWasm(url, bytes)));
  };
  const latest = setTimeout(startEngine, latestMs);

  const expected = new Map<string, Expected>();
  let serving: Serving | null = null;
  /** settles once the engine holds the model the first answers came from */
  let handoff: Promise<unknown> = Promise.resolve();
  const requests = new LatestRequests();
  const counts: FirstAnswerCounts = { firstAnswers: 0, earlyAnswers: 0, superseded: 0 };

  /** calls about the generative model passed on so far */
  let modelCalls = 0;
  const stopServing = () => {
    serving?.early?.stop();
    serving = null;
  };
  /** hand a call to the engine, in the order calls came */
  const pass = (name: EngineMethod, args: unknown[]) => {
    if (!START_UP.has(name)) startEngine();
    if (ABOUT_MODEL.has(name)) {
      modelCalls++;
      stopServing();
    }
    // a call about the generative model waits until the engine holds the one answering now
    const waitFor = ABOUT_MODEL.has(name) ? handoff : null;
    return engine.then(async (e) => {
      if (waitFor) await waitFor;
      return (e[name] as AnyCall)(...args);
    });
  };

  /** decode the entry's question, if any, with its built retriever (instead of an earlier one) */
  const decodeEarly = (entry: Expected) => {
    const retriever = entry.built;
    if (!retriever || !entry.question) return;
    entry.early?.stop();
    entry.early = startEarlyAnswer(entry.question, (q, params, beforeStep) =>
      plainRetrieve(retriever, q, params, beforeStep),
    );
  };

  const own: Partial<Record<Method, AnyCall>> = {
    init(...args: Parameters<Api['init']>) {
      wasmUrl = args[3];
      return pass('init', args);
    },

    expectCheckpoint(url: string, question?: EarlyQuestion, download?: boolean) {
      if (expected.has(url)) return;
      let settle!: (r: PlainRetriever | null) => void;
      const retriever = new Promise<PlainRetriever | null>((resolve) => (settle = resolve));
      const entry: Expected = { question, retriever, settle };
      expected.set(url, entry);
      // the early answer is this layer's, unless the files did not read here
      void engine.then((e) => e.expectCheckpoint(url, entry.failed ? question : undefined));
      if (download)
        fetchCheckpointBytes(url).then(
          (bytes) => own.provideCheckpoint!(url, bytes),
          () => own.provideCheckpoint!(url, null),
        );
    },

    expectQuestion(url: string, question: EarlyQuestion) {
      const entry = expected.get(url);
      // once a load has taken the checkpoint, the page's searches come here themselves
      if (!entry || entry.taken || entry.failed) return;
      entry.question = question;
      decodeEarly(entry);
    },

    provideCheckpoint(url: string, bytes: ArrayBuffer[] | null) {
      const entry = expected.get(url);
      if (entry && bytes) {
        try {
          const files = parseCheckpointBytes(bytes);
          const retriever = plainRetrieverOf(files);
          const parameters = plainParameterCount(retriever.model);
          entry.describe = (corpusName) =>
            checkpointInfo(
              { ...files, space: retriever, docIds: retriever.docIds, parameters },
              'checkpoint',
              corpusName,
            );
          entry.built = retriever;
          decodeEarly(entry);
          entry.settle(retriever);
        } catch {
          // the engine reads the same files and reports what is wrong with them
          entry.failed = true;
          entry.settle(null);
        }
      } else entry?.settle(null);
      if (entry) entry.provided = true;
      // kept until both the files and a load have come, or for UNUSED_KEPT_MS without a load
      if (entry?.taken) expected.delete(url);
      else if (entry)
        setTimeout(() => {
          if (expected.get(url) !== entry || entry.taken) return;
          expected.delete(url);
          entry.early?.stop();
        }, UNUSED_KEPT_MS);
      void engine.then((e) => e.provideCheckpoint(url, bytes));
    },

    async loadCheckpoint(url: string, corpusName: string) {
      // one load per expectation: a later one of the same URL is the engine's (it downloads again)
      const entry = expected.get(url)?.taken ? undefined : expected.get(url);
      if (entry) entry.taken = true;
      if (entry?.provided) expected.delete(url);
      const callsBefore = modelCalls;
      const retriever = entry ? await entry.retriever : null;
      // a call about the generative model came meanwhile: the engine orders them
      if (!retriever || !entry?.describe || modelCalls !== callsBefore) {
        entry?.early?.stop();
        return pass('loadCheckpoint', [url, corpusName]);
      }
      stopServing();
      const mine: Serving = { retriever, early: entry.early };
      serving = mine;
      const taken = engine.then((e) => e.loadCheckpoint(url, corpusName));
      handoff = taken.catch(() => undefined);
      // the engine holds it: calls go there from now on (if the engine fails, this keeps answering)
      taken.then(
        () => serving === mine && stopServing(),
        () => undefined,
      );
      return entry.describe(corpusName);
    },

    async search(...args: Parameters<Api['search']>) {
      const [query, params, request] = args;
      const s = serving;
      if (!s) return pass('search', args);
      const dropped = await requests.admit(request);
      if (dropped) {
        counts.superseded++;
        return dropped;
      }
      if (serving !== s) return pass('search', args);
      const start = performance.now();
      try {
        const early = takeEarlyAnswer(s, query, params);
        if (early) counts.earlyAnswers++;
        const out =
          (await early) ??
          (await plainRetrieve(s.retriever, query, params, async () => {
            await yieldToMessages();
            if (requests.isStale(request)) throw new DecodeStopped();
          }));
        counts.firstAnswers++;
        return generativeAnswer(
          s.retriever,
          s.retriever.docIds,
          query,
          params,
          out,
          performance.now() - start,
        );
      } catch (e) {
        if (!(e instanceof DecodeStopped)) throw e;
        counts.superseded++;
        return requests.superseded(request!);
      } finally {
        // the first answer is out: TF.js may take the thread now
        setTimeout(startEngine, 0);
      }
    },

    async activity(): Promise<PageEngineActivity> {
      const a = (await pass('activity', [])) as EngineActivity;
      return {
        ...a,
        beamSearches: a.beamSearches + counts.firstAnswers,
        earlyAnswers: a.earlyAnswers + counts.earlyAnswers,
        superseded: a.superseded + counts.superseded,
        firstAnswers: counts.firstAnswers,
        plainAnswering: serving !== null,
      };
    },
  };

  return new Proxy({} as Api, {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      return own[name as Method] ?? ((...args: unknown[]) => pass(name as EngineMethod, args));
    },
  });
}
