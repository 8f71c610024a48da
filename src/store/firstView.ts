import { useAppStore } from './appStore';
import { SEARCH_RESULTS } from './searchDefaults';
import { searchToView } from './urlState';

/**
 * The page's state before the app first renders: a link's query and decoding settings (`search`,
 * the address's ?…), and the question typed in the first screen's box (index.html), which wins
 * over the link's when there is one.
 */
export function applyFirstView(typed: string | null, search: string): void {
  const view = searchToView(search);
  useAppStore.setState((s) => ({
    query: typed || view.query,
    beamParams: {
      ...s.beamParams,
      beamSize: view.searchBeam,
      topK: Math.min(SEARCH_RESULTS, view.searchBeam),
    },
    inspectParams: view.inspect,
  }));
}
