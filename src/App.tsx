import { useEffect } from 'react';
import { Header } from './ui/Header';
import { PanelTabs, usePanelFromHash, PANELS } from './ui/PanelTabs';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { useAppStore } from './store/appStore';
import type { BackendName } from './models/backend';

/** `?backend=webgl` puts that backend first (for comparing backends and for tests). */
function preferredBackend(): BackendName | undefined {
  const b = new URLSearchParams(location.search).get('backend');
  return b === 'webgpu' || b === 'webgl' || b === 'cpu' ? b : undefined;
}

export function App() {
  const [panel, setPanel] = usePanelFromHash();
  const loadBuiltinCorpus = useAppStore((s) => s.loadBuiltinCorpus);
  const startEngine = useAppStore((s) => s.startEngine);
  const loadShippedModel = useAppStore((s) => s.loadShippedModel);
  const loadShippedDense = useAppStore((s) => s.loadShippedDense);

  useEffect(() => {
    void loadBuiltinCorpus();
    // TF.js starts in its worker after the first paint, so BM25 answers while it warms up; the
    // shipped checkpoint downloads meanwhile and becomes tensors once a backend is up.
    const t = setTimeout(() => {
      void startEngine(preferredBackend());
      void loadShippedModel();
      void loadShippedDense();
    }, 0);
    return () => clearTimeout(t);
  }, [loadBuiltinCorpus, startEngine, loadShippedModel, loadShippedDense]);

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
