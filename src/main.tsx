// The page's script, a few kilobytes: it starts the two workers at once, so that TF.js (engine)
// and the BM25 code (corpus) download and compile while the app's own script (React, the panels)
// downloads and renders, and asks the engine for its backend, which it starts as soon as its
// script has run. The app then talks to the same workers (store/workers.ts, engineStart.ts).
import { startEngineOnce } from './store/engineStart';
import { BUILTIN_CORPUS, shippedModelUrl } from './store/shipped';
import { corpusClient, engineClient } from './store/workers';

startEngineOnce();
// the shipped model answers on the built-in corpus unless this browser keeps one of its own,
// which only the app's script can tell (IndexedDB): download it meanwhile
void engineClient().prefetchCheckpoint(shippedModelUrl(BUILTIN_CORPUS));
corpusClient();
void import('./renderApp');
