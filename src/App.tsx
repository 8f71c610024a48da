import { useEffect } from 'react';
import { Header } from './ui/Header';
import { PanelTabs, usePanelFromHash, PANELS } from './ui/PanelTabs';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { useAppStore } from './store/appStore';
import { BACKEND_ORDER, type BackendName } from './models/backendNames';

/** `?backend=webgl` (or webgpu, wasm, cpu) puts that backend first (for comparing backends and for tests). */
function preferredBackend(): BackendName | undefined {
  const b = new URLSearchParams(location.search).get('backend');
  return BACKEND_ORDER.find((name) => name === b);
}

/** `?annThreshold=100`: dense search through HNSW above 100 documents (to try it on small corpora). */
function annThreshold(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('annThreshold'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function App() {
  const [panel, setPanel] = usePanelFromHash();
  const loadBuiltinCorpus = useAppStore((s) => s.loadBuiltinCorpus);
  const startEngine = useAppStore((s) => s.startEngine);
  const loadShippedModel = useAppStore((s) => s.loadShippedModel);
  const loadShippedDense = useAppStore((s) => s.loadShippedDense);
  const setDenseSearchPlan = useAppStore((s) => s.setDenseSearchPlan);

  useEffect(() => {
    void loadBuiltinCorpus();
    // TF.js starts in its worker after the first paint, so BM25 answers while it warms up; the
    // shipped checkpoint downloads meanwhile and becomes tensors once a backend is up.
    const t = setTimeout(() => {
      void startEngine(preferredBackend());
      void loadShippedModel();
      const threshold = annThreshold();
      // sent before the dense checkpoint loads: the worker handles messages in order
      if (threshold) void setDenseSearchPlan({ annThreshold: threshold });
      void loadShippedDense();
    }, 0);
    return () => clearTimeout(t);
  }, [loadBuiltinCorpus, startEngine, loadShippedModel, loadShippedDense, setDenseSearchPlan]);

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
          <Active />
        </ErrorBoundary>
      </main>
    </div>
  );
}
