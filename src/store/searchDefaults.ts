import { DEFAULT_BEAM_SEARCH_PARAMS, type BeamSearchParams } from '../core/decode/beamSearch';
import type { EarlyQuestion } from '../worker/earlyAnswer';

// No store here: the page's first script reads the question of a link with these (main.tsx).

/** How many results each method lists. */
export const SEARCH_RESULTS = 10;

/** The Search panel's beam size unless a link sets another (`beam=`). */
export const DEFAULT_SEARCH_BEAM = 10;

/** The Search panel's decoding settings until someone changes them. */
export const DEFAULT_SEARCH_PARAMS: BeamSearchParams = {
  ...DEFAULT_BEAM_SEARCH_PARAMS,
  beamSize: DEFAULT_SEARCH_BEAM,
  topK: SEARCH_RESULTS,
};

/**
 * The question a link opens the page with (`?q=`), with the settings its first generative search
 * will use; null when there is none, or when the link sets its own beam size (then the store's
 * reading of it decides).
 */
export function addressQuestion(search: string): EarlyQuestion | null {
  return firstQuestion(new URLSearchParams(search).get('q'), search);
}

/**
 * `query` (typed in the page's first screen, or a link's) as the page's first generative search
 * will ask it, under the address's `search`: null for an empty one, or when the link sets its own
 * beam size (then the store's reading of it decides).
 */
export function firstQuestion(query: string | null, search: string): EarlyQuestion | null {
  if (!query || query.trim() === '' || new URLSearchParams(search).has('beam')) return null;
  return { query, params: DEFAULT_SEARCH_PARAMS };
}
