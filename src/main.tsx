// The page's script, a few kilobytes: it starts the two workers at once, so that TF.js (engine)
// and the BM25 code (corpus) download and compile while the app's own script (React, the panels)
// downloads and renders, and asks the engine for its backend, which it starts as soon as its
// script has run. The app then talks to the same workers (store/workers.ts, engineStart.ts).
import * as Comlink from 'comlink';
import { fetchCheckpointBytes } from './models/checkpointFiles';
import { startEngineOnce } from './store/engineStart';
import { addressQuestion } from './store/searchDefaults';
import { appBaseUrl, BUILTIN_CORPUS, shippedModelUrl } from './store/shipped';
import { corpusClient, engineClient } from './store/workers';

startEngineOnce();
// the built-in corpus and its shipped model open unless this browser kept a corpus or a model
// of its own, which only the app's script can tell (IndexedDB): download them meanwhile
const modelUrl = shippedModelUrl(BUILTIN_CORPUS);
// a link's question is decoded as soon as the model is there (worker/earlyAnswer.ts)
void engineClient().expectCheckpoint(modelUrl, addressQuestion(location.search) ?? undefined);
fetchCheckpointBytes(modelUrl).then(
  (bytes) => void engineClient().provideCheckpoint(modelUrl, Comlink.transfer(bytes, bytes)),
  () => void engineClient().provideCheckpoint(modelUrl, null),
);
void corpusClient().prefetchBuiltin(appBaseUrl(), BUILTIN_CORPUS);
void import('./renderApp');
