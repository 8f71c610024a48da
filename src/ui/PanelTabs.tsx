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

interface Panel {
  id: PanelId;
  label: string;
  Component: ComponentType;
  /** downloads the panel's script ahead of its first opening (none for Search, always there) */
  preload?: () => Promise<unknown>;
}

/**
 * A panel whose script is its own chunk: the page opens on Search, and the other panels' code
 * (charts, the beam tree, the evaluation tables) would otherwise be parsed and run before the
 * query box appears. Once its script is there the panel renders at once, as if it had never
 * been apart (React.lazy would show its fallback for a moment on every first opening).
 */
function lazyPanel(id: PanelId, label: string, load: () => Promise<ComponentType>): Panel {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const once = () =>
    (loading ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  const Lazy = lazy(() => once().then((c) => ({ default: c })));
  function Component() {
    // chosen as it mounts: a panel first drawn through Lazy is not mounted again when it arrives
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { id, label, Component, preload: once };
}

export const PANELS: Panel[] = [
  lazyPanel('learn', 'Learn', () => import('../panels/learn/LearnPanel').then((m) => m.LearnPanel)),
  lazyPanel('corpus', 'Corpus', () =>
    import('../panels/corpus/CorpusPanel').then((m) => m.CorpusPanel),
  ),
  lazyPanel('index', 'Index', () => import('../panels/index/IndexPanel').then((m) => m.IndexPanel)),
  { id: 'search', label: 'Search', Component: SearchPanel },
  lazyPanel('inspect', 'Inspect', () =>
    import('../panels/inspect/InspectPanel').then((m) => m.InspectPanel),
  ),
  lazyPanel('compare', 'Compare', () =>
    import('../panels/compare/ComparePanel').then((m) => m.ComparePanel),
  ),
  lazyPanel('evaluate', 'Evaluate', () =>
    import('../panels/evaluate/EvaluatePanel').then((m) => m.EvaluatePanel),
  ),
];

/** Downloads every panel's script (after the first answer, so a tab opens without a wait). */
export function preloadPanels(): Promise<unknown> {
  return Promise.all(PANELS.map((p) => p.preload?.()));
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
