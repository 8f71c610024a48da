import type { StateCreator } from 'zustand';
import type { GenerativeAnswer } from '../worker/engineApi';
import type { AppState } from './appStore';
import { isCurrent, isSuperseded, newRequest } from './requests';
import { engineClient } from './workers';

/** The inspector's decoding settings: beam search, optionally diverse (groups > 1). */
export interface InspectParams {
  /** beams kept per step (1–100) */
  beamSize: number;
  /** results returned (1–beamSize) */
  topK: number;
  /** length normalisation exponent α (0–2) */
  lengthPenalty: number;
  /** restrict decoding to the docid trie */
  constrained: boolean;
  /** diverse beam search on/off; off = plain beam search whatever `groups` says */
  diverse: boolean;
  /** number of groups G (must divide beamSize) */
  groups: number;
  /** diversity strength λ (0–5) */
  diversityStrength: number;
  /** also decode with plain beam search and show both trees side by side */
  sideBySide: boolean;
}

export const DEFAULT_INSPECT_PARAMS: InspectParams = {
  beamSize: 6,
  topK: 6,
  lengthPenalty: 0,
  constrained: true,
  diverse: false,
  groups: 3,
  diversityStrength: 1,
  sideBySide: false,
};

export interface InspectSlice {
  inspectParams: InspectParams;
  /** the inspected decoding (diverse when switched on) */
  inspected: GenerativeAnswer | null;
  /** plain beam search with the same width, for the side-by-side view */
  inspectedPlain: GenerativeAnswer | null;
  inspectError: string | null;
  inspecting: boolean;
  setInspectParams(params: Partial<InspectParams>): void;
  runInspect(): Promise<void>;
}

/** Why the settings cannot be decoded, or null. */
export function inspectParamsProblem(p: InspectParams): string | null {
  if (!Number.isInteger(p.beamSize) || p.beamSize < 1 || p.beamSize > 100)
    return 'Beam size must be a whole number from 1 to 100.';
  if (p.diverse && (!Number.isInteger(p.groups) || p.groups < 1 || p.beamSize % p.groups !== 0))
    return `The number of groups must divide the beam size (${p.beamSize}).`;
  if (!(p.diversityStrength >= 0 && p.diversityStrength <= 5))
    return 'Diversity strength must be between 0 and 5.';
  if (!(p.lengthPenalty >= 0 && p.lengthPenalty <= 2))
    return 'Length normalisation must be between 0 and 2.';
  return null;
}

function decodeParams(p: InspectParams, diverse: boolean) {
  return {
    beamSize: p.beamSize,
    topK: Math.min(p.topK, p.beamSize),
    maxLength: 32,
    lengthPenalty: p.lengthPenalty,
    constrained: p.constrained,
    groups: diverse ? p.groups : 1,
    diversityStrength: p.diversityStrength,
  };
}

export const createInspectSlice: StateCreator<AppState, [], [], InspectSlice> = (set, get) => ({
  inspectParams: DEFAULT_INSPECT_PARAMS,
  inspected: null,
  inspectedPlain: null,
  inspectError: null,
  inspecting: false,
  setInspectParams(params) {
    set({ inspectParams: { ...get().inspectParams, ...params } });
    void get().runInspect();
  },
  async runInspect() {
    const { query, modelStatus, inspectParams } = get();
    // only the answer to the latest query and settings is kept
    const request = newRequest('inspect');
    if (query.trim() === '' || modelStatus !== 'ready') {
      set({ inspected: null, inspectedPlain: null, inspectError: null, inspecting: false });
      return;
    }
    const problem = inspectParamsProblem(inspectParams);
    if (problem) {
      // bad settings: say so, and only that: the trees of older settings would read as an answer
      // to these; a decoding still under way is dropped
      return set({
        inspectError: problem,
        inspected: null,
        inspectedPlain: null,
        inspecting: false,
      });
    }
    set({ inspecting: true });
    try {
      const diverse = inspectParams.diverse && inspectParams.groups > 1;
      const main = await engineClient().search(
        query,
        decodeParams(inspectParams, diverse),
        request,
      );
      if (isSuperseded(main) || !isCurrent(request)) return;
      let plain = null;
      if (diverse && inspectParams.sideBySide) {
        const answer = await engineClient().search(query, decodeParams(inspectParams, false));
        if (isSuperseded(answer) || !isCurrent(request)) return;
        plain = answer;
      }
      set({ inspected: main, inspectedPlain: plain, inspectError: null });
    } catch (e) {
      if (isCurrent(request)) set({ inspectError: (e as Error).message });
    } finally {
      if (isCurrent(request)) set({ inspecting: false });
    }
  },
});
