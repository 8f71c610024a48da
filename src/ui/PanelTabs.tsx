import { useCallback, useEffect, useState, type ComponentType, type KeyboardEvent } from 'react';
import { CorpusPanel } from '../panels/corpus/CorpusPanel';
import { IndexPanel } from '../panels/index/IndexPanel';
import { SearchPanel } from '../panels/search/SearchPanel';
import { InspectPanel } from '../panels/inspect/InspectPanel';
import { ComparePanel } from '../panels/compare/ComparePanel';
import { EvaluatePanel } from '../panels/evaluate/EvaluatePanel';
import { LearnPanel } from '../panels/learn/LearnPanel';

export type PanelId = 'learn' | 'corpus' | 'index' | 'search' | 'inspect' | 'compare' | 'evaluate';

export const PANELS: { id: PanelId; label: string; Component: ComponentType }[] = [
  { id: 'learn', label: 'Learn', Component: LearnPanel },
  { id: 'corpus', label: 'Corpus', Component: CorpusPanel },
  { id: 'index', label: 'Index', Component: IndexPanel },
  { id: 'search', label: 'Search', Component: SearchPanel },
  { id: 'inspect', label: 'Inspect', Component: InspectPanel },
  { id: 'compare', label: 'Compare', Component: ComparePanel },
  { id: 'evaluate', label: 'Evaluate', Component: EvaluatePanel },
];

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
