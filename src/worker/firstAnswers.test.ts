import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../core/decode/beamSearch';
import { DSI_CHECKPOINT_FILES, parseCheckpointBytes } from '../models/checkpointFiles';
import { importDsiCheckpoint } from '../models/loadCheckpoint';
import { disposeSeq2Seq } from '../models/seq2seq';
import { withCorpusTickets } from './corpusTickets';
import { createEngine } from './engine';
import type { EnginePageApi, GenerativeAnswer } from './engineApi';
import { withFirstAnswers } from './firstAnswers';
import { stateOfLoaded } from './generativeState';
import { isSuperseded, type Superseded } from './latestRequests';
import { shippedCheckpointBytes } from '../models/shippedCheckpoint.fixture';

const URL_ = 'http://localhost/models/genir-demo/';
const CORPUS = 'genir-demo';
const params = DEFAULT_BEAM_SEARCH_PARAMS;

/** The first-answer layer over a real engine (TF.js cpu), counting how often the engine loads. */
function layered(latestMs = 60_000) {
  const loads = { count: 0 };
  const api = withFirstAnswers(async () => {
    loads.count++;
    return withCorpusTickets(createEngine());
  }, latestMs);
  void api.init('cpu', undefined, 1);
  return { api, loads };
}

/** The page's start: the shipped checkpoint expected, handed over, then loaded. */
async function startShipped(api: EnginePageApi, question?: string) {
  api.expectCheckpoint(URL_, question ? { query: question, params } : undefined);
  api.provideCheckpoint(URL_, shippedCheckpointBytes());
  return api.loadCheckpoint(URL_, CORPUS);
}

const answer = (a: GenerativeAnswer | Superseded): GenerativeAnswer => {
  if (isSuperseded(a)) throw new Error('an untagged search is never superseded');
  return a;
};

/** Resolves once the engine holds the model (a call about the model waits for that). */
const engineHolds = (api: EnginePageApi) => api.docidsOfDocs();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => vi.unstubAllGlobals());

describe('first answers before the engine (TF.js) is loaded', () => {
  it('answer from the shipped checkpoint as the engine will, which loads only after the first answer', async () => {
    const { api, loads } = layered();
    const info = await startShipped(api);
    const loaded = importDsiCheckpoint(parseCheckpointBytes(shippedCheckpointBytes()));
    // the page is told what the engine would tell it
    expect(info).toEqual(stateOfLoaded(loaded, 'checkpoint', CORPUS).info);
    disposeSeq2Seq(loaded.retriever.model);

    const query = 'which planet is nearest to the sun';
    const first = answer(await api.search(query, params));
    expect(loads.count).toBe(0);
    expect(first.hits).toHaveLength(10);
    expect((await api.activity()).firstAnswers).toBe(1);

    await engineHolds(api);
    expect(loads.count).toBe(1);
    const later = answer(await api.search(query, params));
    expect(later.hits.map((h) => h.docId)).toEqual(first.hits.map((h) => h.docId));
    later.hits.forEach((h, i) => expect(h.logProb).toBeCloseTo(first.hits[i].logProb, 4));
    expect(later.docOf).toEqual(first.docOf);
    const activity = await api.activity();
    expect(activity).toMatchObject({ firstAnswers: 1, beamSearches: 2 });
  }, 60_000);

  it('the question of the address is decoded on the hand-over, and the first search takes it', async () => {
    const { api } = layered();
    const query = 'what do enzymes do';
    await startShipped(api, query);
    const first = answer(await api.search(query, params));
    expect(first.query).toBe(query);
    expect(await api.activity()).toMatchObject({ firstAnswers: 1, earlyAnswers: 1 });
  }, 60_000);

  it("a question typed before the load replaces the address's: the first search takes its decode", async () => {
    const { api } = layered();
    const typed = 'how do bees tell each other where the flowers are';
    // typed before the files came: decoded on the hand-over instead of the address's question
    api.expectCheckpoint(URL_, { query: 'what do enzymes do', params });
    api.expectQuestion(URL_, { query: 'how do', params });
    api.expectQuestion(URL_, { query: typed, params });
    api.provideCheckpoint(URL_, shippedCheckpointBytes());
    await api.loadCheckpoint(URL_, CORPUS);
    const first = answer(await api.search(typed, params));
    expect(first.query).toBe(typed);
    expect(await api.activity()).toMatchObject({ firstAnswers: 1, earlyAnswers: 1 });
    // the same answer as a search that decodes afresh (by then, TF.js's)
    const again = answer(await api.search(typed, params));
    expect(again.hits.map((h) => h.docId)).toEqual(first.hits.map((h) => h.docId));
    expect(await api.activity()).toMatchObject({ beamSearches: 2, earlyAnswers: 1 });
  }, 60_000);

  it('a question typed after the hand-over restarts the early decode; one typed after the load is not decoded early', async () => {
    const { api } = layered();
    const typed = 'first message sent between UCLA and Stanford in 1969';
    api.expectCheckpoint(URL_);
    api.provideCheckpoint(URL_, shippedCheckpointBytes());
    api.expectQuestion(URL_, { query: 'first message', params });
    api.expectQuestion(URL_, { query: typed, params });
    await api.loadCheckpoint(URL_, CORPUS);
    api.expectQuestion(URL_, { query: 'is a monsoon a type of storm', params });
    expect(answer(await api.search(typed, params)).query).toBe(typed);
    expect(await api.activity()).toMatchObject({ firstAnswers: 1, earlyAnswers: 1 });
    expect(answer(await api.search('is a monsoon a type of storm', params)).hits).toHaveLength(10);
    expect(await api.activity()).toMatchObject({ beamSearches: 2, earlyAnswers: 1 });
  }, 60_000);

  it('a call about the model stops them: it and every later search wait for the engine', async () => {
    const { api, loads } = layered();
    await startShipped(api);
    await api.dropModel();
    expect(loads.count).toBe(1);
    await expect(api.search('sun', params)).rejects.toThrow('no generative model is loaded');
    expect((await api.activity()).firstAnswers).toBe(0);
  }, 60_000);

  it('calls the page makes as it starts wait for the engine without loading it, until the latest moment', async () => {
    const { api, loads } = layered(200);
    const plan = api.setDenseSearchPlan({});
    await new Promise((r) => setTimeout(r, 50));
    expect(loads.count).toBe(0);
    await plan;
    expect(loads.count).toBe(1);
  }, 60_000);

  it('any other call loads the engine at once', async () => {
    const { api, loads } = layered();
    await startShipped(api);
    const switched = api.setBackend('cpu');
    expect(loads.count).toBe(1);
    expect((await switched).backend).toBe('cpu');
    expect(answer(await api.search('sun', params)).hits).toHaveLength(10);
  }, 60_000);

  it('files that do not read are left to the engine, which says what is wrong', async () => {
    const { api, loads } = layered();
    const bytes = shippedCheckpointBytes();
    bytes[0] = new TextEncoder().encode('{ not json').buffer as ArrayBuffer;
    api.expectCheckpoint(URL_);
    api.provideCheckpoint(URL_, bytes);
    await expect(api.loadCheckpoint(URL_, CORPUS)).rejects.toThrow('model.json is not JSON');
    expect(loads.count).toBe(1);
  }, 60_000);

  it('with `download` the worker fetches the checkpoint itself, and the wasm binary once TF.js loads', async () => {
    const bytes = shippedCheckpointBytes();
    const names = Object.values(DSI_CHECKPOINT_FILES) as string[];
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const file = names.indexOf(url.slice(URL_.length));
      return new Response(file >= 0 ? bytes[file] : new Uint8Array([0, 97, 115, 109]));
    });
    const loads = { count: 0 };
    const api = withFirstAnswers(async () => {
      loads.count++;
      return withCorpusTickets(createEngine());
    }, 60_000);
    void api.init('cpu', undefined, 1, '/tfjs-backend-wasm-simd.wasm');
    api.expectCheckpoint(URL_, undefined, true);
    await api.loadCheckpoint(URL_, CORPUS);
    expect(fetched.sort()).toEqual(names.map((n) => URL_ + n).sort());
    answer(await api.search('sun', params));
    await engineHolds(api);
    expect(loads.count).toBe(1);
    // TF.js's engine took the same download: nothing fetched twice, the binary once
    expect(fetched.filter((u) => u.startsWith(URL_))).toHaveLength(names.length);
    expect(fetched.filter((u) => u.endsWith('.wasm'))).toEqual(['/tfjs-backend-wasm-simd.wasm']);
  }, 60_000);

  it('a load that comes before the hand-over waits for it, and answers from it', async () => {
    const { api, loads } = layered();
    api.expectCheckpoint(URL_);
    const loading = api.loadCheckpoint(URL_, CORPUS);
    await new Promise((r) => setTimeout(r, 20));
    api.provideCheckpoint(URL_, shippedCheckpointBytes());
    expect((await loading)?.docCount).toBe(156);
    answer(await api.search('sun', params));
    expect(loads.count).toBe(0);
    expect((await api.activity()).firstAnswers).toBe(1);
  }, 60_000);
});
