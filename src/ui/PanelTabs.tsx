import {
  lazy,
  useCallback,
  useEffect,
  useState,
  type ComponentType,
  type KeyboardEvent,
} from 'react';
import { SearchPanel } from '../panels/search/SearchPanel';

export type PanelId = 'learn' | 'corpus' | 'index' | 'search' | 'inspect' | 'compare' | 'evaluate';

/**
 * The panels other than Search are scripts of their own, fetched when opened or, at the latest,
 * once the page is idle after its first answer (preloadPanels): with them and the libraries only
 * they use (charts, CSV, zip, tree layout) in the app's script, the page ran that script for
 * 185-270 ms before it could show the query box (traces of a first visit, two cores).
 */
const LOADERS: Partial<Record<PanelId, () => Promise<ComponentType>>> = {
  learn: () => import('../panels/learn/LearnPanel').then((m) => m.LearnPanel),
  corpus: () => import('../panels/corpus/CorpusPanel').then((m) => m.CorpusPanel),
  index: () => import('../panels/index/IndexPanel').then((m) => m.IndexPanel),
  inspect: () => import('../panels/inspect/InspectPanel').then((m) => m.InspectPanel),
  compare: () => import('../panels/compare/ComparePanel').then((m) => m.ComparePanel),
  evaluate: () => import('../panels/evaluate/EvaluatePanel').then((m) => m.EvaluatePanel),
};

const later = (id: PanelId): ComponentType =>
  lazy(() => LOADERS[id]!().then((Component) => ({ default: Component })));

export const PANELS: { id: PanelId; label: string; Component: ComponentType }[] = [
  { id: 'learn', label: 'Learn', Component: later('learn') },
  { id: 'corpus', label: 'Corpus', Component: later('corpus') },
  { id: 'index', label: 'Index', Component: later('index') },
  { id: 'search', label: 'Search', Component: SearchPanel },
  { id: 'inspect', label: 'Inspect', Component: later('inspect') },
  { id: 'compare', label: 'Compare', Component: later('compare') },
  { id: 'evaluate', label: 'Evaluate', Component: later('evaluate') },
];

/** Fetch every panel's script now (an idle moment), so that opening one shows it at once. */
export function preloadPanels(): void {
  for (const load of Object.values(LOADERS)) void load().catch(() => undefined);
}

// the page opens on Search (Learn, the first tab, is there for whoever wants the guided path)
const DEFAULT_PANEL: PanelId = 'search';

function panelFromHash(): PanelId {
  const id = location.hash.slice(1);
  return PANELS.some((p) => p.id === id) ? (id as PanelId) : DEFAULT_PANEL;
}

/** The open panel lives in the URL hash, so a link (or a reload) opens the same panel. */
export function usePanelFromHash(): [PanelId, (id: PanelId) => void] {
  const [panel, setPanel] = useState<PanelId>(panelFromHash);
  useEffect(() => {
    const onHash = () => setPanel(panelFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = useCallback((id: PanelId) => {
    history.replaceState(null, '', `#${id}`);
    setPanel(id);
  }, []);
  return [panel, select];
}

export function PanelTabs({
  active,
  onSelect,
}: {
  active: PanelId;
  onSelect: (id: PanelId) => void;
}) {
  // WAI-ARIA tabs: the arrow keys move to the next or previous tab (wrapping), Home and End to
  // the first and the last
  const onKeyDown = (e: KeyboardEvent) => {
    const i = PANELS.findIndex((p) => p.id === active);
    const n = PANELS.length;
    const target: Record<string, number> = {
      ArrowRight: (i + 1) % n,
      ArrowLeft: (i - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    if (!(e.key in target)) return;
    e.preventDefault();
    const next = PANELS[target[e.key]].id;
    onSelect(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <nav className="tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
      {PANELS.map((p) => (
        <button
          key={p.id}
          id={`tab-${p.id}`}
          role="tab"
          type="button"
          aria-selected={p.id === active}
          aria-controls={`panel-${p.id}`}
          tabIndex={p.id === active ? 0 : -1}
          onClick={() => onSelect(p.id)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}
