import * as Comlink from 'comlink';
import type { CorpusWorkerApi } from '../worker/corpusApi';
import type { EnginePageApi } from '../worker/engineApi';

let corpusWorker: Comlink.Remote<CorpusWorkerApi> | null = null;
let engineWorker: Comlink.Remote<EnginePageApi> | null = null;

/** The corpus worker (parsing, BM25), started on first use. */
export function corpusClient(): Comlink.Remote<CorpusWorkerApi> {
  corpusWorker ??= Comlink.wrap<CorpusWorkerApi>(
    new Worker(new URL('../worker/corpus.worker.ts', import.meta.url), {
      type: 'module',
      name: 'corpus',
    }),
  );
  return corpusWorker;
}

/** The engine worker (TF.js and the models), started on first use. */
export function engineClient(): Comlink.Remote<EnginePageApi> {
  engineWorker ??= Comlink.wrap<EnginePageApi>(
    new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'engine',
    }),
  );
  return engineWorker;
}
