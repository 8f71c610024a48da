// The page's script, a few kilobytes: it starts the two workers at once, so that the engine and
// the BM25 code (corpus) download and compile while the app's own script (React, the panels)
// downloads and renders, and asks the engine for its backend (TF.js, which loads after the first
// answer: worker/firstAnswers.ts). The app then talks to the same workers (store/workers.ts,
// engineStart.ts).
import { startEngineOnce } from './store/engineStart';
import { pageSavedModelsDb } from './store/savedModelsDb';
import { addressQuestion, firstQuestion } from './store/searchDefaults';
import { appBaseUrl, BUILTIN_CORPUS, shippedModelUrl } from './store/shipped';
import { corpusClient, engineClient } from './store/workers';
import { onShellTyping, showShellQuestion } from './shell';
import './styles.css';

startEngineOnce();
// the built-in corpus and its shipped model open unless this browser kept a corpus or a model
// of its own, which only the app's script can tell (IndexedDB): the workers download them
// meanwhile, off this thread; a link's question is decoded as soon as the model is there
const modelUrl = shippedModelUrl(BUILTIN_CORPUS);
const question = addressQuestion(location.search) ?? undefined;
void engineClient().expectCheckpoint(modelUrl, question, true);
// the link's question shows in the first screen's query box (the app shows it once it renders);
// one typed there before the app has rendered is decoded early instead (the app searches it first)
showShellQuestion(new URLSearchParams(location.search).get('q') ?? '');
onShellTyping((text) => {
  const typed = firstQuestion(text, location.search);
  if (typed) void engineClient().expectQuestion(modelUrl, typed);
});
void corpusClient().prefetchBuiltin(appBaseUrl(), BUILTIN_CORPUS);
// the app asks IndexedDB which corpus and models to open as soon as it has rendered: opening the
// database now (creating it on a first visit) shortens those reads (timing marks: 43-178 ms → 18-68 ms)
void pageSavedModelsDb()
  ?.hasLastCorpus()
  .catch(() => undefined);
void import('./renderApp');
