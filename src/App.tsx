import { Suspense, useEffect } from 'react';
import { Header } from './ui/Header';
import { PanelTabs, usePanelFromHash, PANELS, preloadPanels } from './ui/PanelTabs';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { firstAnswerSettled, useAppStore } from './store/appStore';
import { searchToView, viewOf, viewToSearch } from './store/urlState';

/** `?annThreshold=100`: dense search through HNSW above 100 documents (to try it on small corpora). */
function annThreshold(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('annThreshold'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function App() {
  const [panel, setPanel] = usePanelFromHash();
  const startCorpus = useAppStore((s) => s.startCorpus);
  const startEngine = useAppStore((s) => s.startEngine);
  const startModels = useAppStore((s) => s.startModels);
  const setDenseSearchPlan = useAppStore((s) => s.setDenseSearchPlan);

  useEffect(() => {
    const view = searchToView(location.search);
    // (its query and settings are in the store already: store/firstView.ts, renderApp.tsx)
    // a link that names the built-in corpus opens it, even where another corpus was kept
    void startCorpus(view.builtinCorpus);
    // TF.js is starting in its worker (main.tsx) and BM25 answers while it warms up; the shipped
    // checkpoints (or the models saved here last time) load meanwhile and become tensors once a
    // backend is up.
    const t = setTimeout(() => {
      void startEngine();
      const threshold = annThreshold();
      // sent before the dense checkpoint loads: the worker handles messages in order
      if (threshold) void setDenseSearchPlan({ annThreshold: threshold });
      void startModels(view.builtinCorpus);
    }, 0);
    return () => clearTimeout(t);
  }, [startCorpus, startEngine, startModels, setDenseSearchPlan]);

  // the URL follows the query and settings (no reload, no history entry), so a link reproduces them
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (
          s.query === prev.query &&
          s.beamParams === prev.beamParams &&
          s.inspectParams === prev.inspectParams &&
          s.corpus === prev.corpus
        )
          return;
        const search = viewToSearch(viewOf(s), location.search);
        if (search !== location.search)
          history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      }),
    [],
  );

  // the other panels' scripts download once the first answer is on screen, so a tab opens at once
  useEffect(() => {
    void firstAnswerSettled().then(preloadPanels);
  }, []);

  // closing or reloading the tab mid-training loses the run: the browser asks first
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      const status = useAppStore.getState().trainingStatus;
      if (status === 'preparing' || status === 'running' || status === 'paused') e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const Active = PANELS.find((p) => p.id === panel)!.Component;
  return (
    <div className="app">
      <Header />
      <PanelTabs active={panel} onSelect={setPanel} />
      <main
        id={`panel-${panel}`}
        role="tabpanel"
        aria-labelledby={`tab-${panel}`}
        className="panel"
      >
        <ErrorBoundary key={panel}>
          <Suspense fallback={<p className="muted">Opening the panel…</p>}>
            <Active />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
