import type { BeamSearchParams } from '../core/decode/beamSearch';
import { builtinCorpusOpen } from './corpusSlice';
import { DEFAULT_SEARCH_BEAM } from './searchDefaults';
import { DEFAULT_INSPECT_PARAMS, type InspectParams } from './inspectSlice';

/**
 * The part of the page a link carries: the query, the Search panel's beam size, the inspector's
 * decoding settings (the panel is the URL's #hash), and whether the corpus is the built-in one
 * (a corpus loaded from files cannot travel in a link; a session bundle carries it). Only values
 * that differ from the defaults are written, so a plain link stays plain.
 */
export interface ViewState {
  query: string;
  searchBeam: number;
  inspect: InspectParams;
  /** the built-in corpus is open: a link opens it even where another corpus was kept */
  builtinCorpus: boolean;
}

const KEYS = {
  query: 'q',
  searchBeam: 'beam',
  beamSize: 'ibeam',
  topK: 'results',
  lengthPenalty: 'alpha',
  constrained: 'constrained',
  diverse: 'diverse',
  groups: 'groups',
  diversityStrength: 'lambda',
  sideBySide: 'plain',
  builtinCorpus: 'corpus',
} as const;

/** The value of `corpus=` that names the built-in corpus. */
const BUILTIN_VALUE = 'builtin';

/**
 * The search part of a URL for `view` ('' when everything is at its default). Parameters of
 * `current` that are not view state (`backend`, `annThreshold`) are kept, first.
 */
export function viewToSearch(view: ViewState, current = ''): string {
  const p = new URLSearchParams(current);
  for (const key of Object.values(KEYS)) p.delete(key);
  if (view.builtinCorpus) p.set(KEYS.builtinCorpus, BUILTIN_VALUE);
  if (view.query.trim() !== '') p.set(KEYS.query, view.query);
  if (view.searchBeam !== DEFAULT_SEARCH_BEAM) p.set(KEYS.searchBeam, String(view.searchBeam));
  const d = DEFAULT_INSPECT_PARAMS;
  const i = view.inspect;
  for (const k of ['beamSize', 'topK', 'lengthPenalty', 'groups', 'diversityStrength'] as const)
    if (i[k] !== d[k]) p.set(KEYS[k], String(i[k]));
  for (const k of ['constrained', 'diverse', 'sideBySide'] as const)
    if (i[k] !== d[k]) p.set(KEYS[k], i[k] ? '1' : '0');
  const s = p.toString();
  return s ? `?${s}` : '';
}

function numberIn(p: URLSearchParams, key: string, min: number, max: number, integer: boolean) {
  const raw = p.get(key);
  if (raw === null || raw.trim() === '') return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v)))
    return undefined;
  return v;
}

function flag(p: URLSearchParams, key: string) {
  const raw = p.get(key);
  return raw === '1' ? true : raw === '0' ? false : undefined;
}

/**
 * The view a URL's search part asks for. Values out of range or malformed are ignored (the
 * default stays), so a mangled link opens the page as usual.
 */
export function searchToView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const d = DEFAULT_INSPECT_PARAMS;
  const pick = <T>(v: T | undefined, fallback: T) => (v === undefined ? fallback : v);
  const inspect: InspectParams = {
    beamSize: pick(numberIn(p, KEYS.beamSize, 1, 100, true), d.beamSize),
    topK: pick(numberIn(p, KEYS.topK, 1, 100, true), d.topK),
    lengthPenalty: pick(numberIn(p, KEYS.lengthPenalty, 0, 2, false), d.lengthPenalty),
    constrained: pick(flag(p, KEYS.constrained), d.constrained),
    diverse: pick(flag(p, KEYS.diverse), d.diverse),
    groups: pick(numberIn(p, KEYS.groups, 1, 100, true), d.groups),
    diversityStrength: pick(numberIn(p, KEYS.diversityStrength, 0, 5, false), d.diversityStrength),
    sideBySide: pick(flag(p, KEYS.sideBySide), d.sideBySide),
  };
  inspect.topK = Math.min(inspect.topK, inspect.beamSize);
  return {
    query: p.get(KEYS.query) ?? '',
    searchBeam: pick(numberIn(p, KEYS.searchBeam, 1, 100, true), DEFAULT_SEARCH_BEAM),
    inspect,
    builtinCorpus: p.get(KEYS.builtinCorpus) === BUILTIN_VALUE,
  };
}

/** The view the store holds now. */
export function viewOf(s: {
  query: string;
  beamParams: BeamSearchParams;
  inspectParams: InspectParams;
  corpus: { name: string } | null;
  corpusSource: string | null;
}): ViewState {
  return {
    query: s.query,
    searchBeam: s.beamParams.beamSize,
    inspect: s.inspectParams,
    builtinCorpus: builtinCorpusOpen(s),
  };
}
