import { describe, expect, it } from 'vitest';
import { DEFAULT_INSPECT_PARAMS } from './inspectSlice';
import { DEFAULT_SEARCH_BEAM } from './searchDefaults';
import { searchToView, viewToSearch, type ViewState } from './urlState';

const plain: ViewState = {
  query: '',
  searchBeam: DEFAULT_SEARCH_BEAM,
  inspect: DEFAULT_INSPECT_PARAMS,
  builtinCorpus: false,
};

describe('links (URL view state)', () => {
  it('writes nothing for the defaults, and only what differs otherwise', () => {
    expect(viewToSearch(plain)).toBe('');
    expect(viewToSearch({ ...plain, query: 'why is Venus hot?', searchBeam: 5 })).toBe(
      '?q=why+is+Venus+hot%3F&beam=5',
    );
  });

  it('keeps parameters that are not view state', () => {
    expect(viewToSearch({ ...plain, query: 'x' }, '?backend=wasm&q=old&beam=3')).toBe(
      '?backend=wasm&q=x',
    );
    expect(viewToSearch(plain, '?annThreshold=100')).toBe('?annThreshold=100');
  });

  it('round-trips every setting', () => {
    const view: ViewState = {
      query: 'a & b = c',
      searchBeam: 20,
      inspect: {
        beamSize: 12,
        topK: 8,
        lengthPenalty: 0.6,
        constrained: false,
        diverse: true,
        groups: 4,
        diversityStrength: 2.5,
        sideBySide: true,
      },
      builtinCorpus: true,
    };
    expect(viewToSearch(view)).toMatch(/^\?corpus=builtin&q=/);
    expect(searchToView(viewToSearch(view))).toEqual(view);
    expect(searchToView('?corpus=notes').builtinCorpus).toBe(false);
  });

  it('ignores malformed or out-of-range values', () => {
    const view = searchToView(
      '?beam=0&ibeam=7.5&alpha=abc&groups=-1&lambda=9&diverse=yes&results=50',
    );
    expect(view.searchBeam).toBe(DEFAULT_SEARCH_BEAM);
    expect(view.inspect).toEqual({
      ...DEFAULT_INSPECT_PARAMS,
      topK: DEFAULT_INSPECT_PARAMS.beamSize,
    });
    expect(searchToView('').query).toBe('');
  });
});
