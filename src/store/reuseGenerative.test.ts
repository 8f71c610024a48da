import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../core/decode/beamSearch';
import type { GenerativeAnswer, ModelInfo } from '../worker/engineApi';
import { newRequest } from './requests';
import { reuseGenerative, type LastGenerative } from './searchSlice';

const model = { corpusName: 'genir-demo', docCount: 3 } as ModelInfo;
const corpus = { name: 'genir-demo', docs: [{}, {}, {}] };
const params = { ...DEFAULT_BEAM_SEARCH_PARAMS };
const asked = { query: 'what is a supernova', params, model };

function last(answered: boolean): LastGenerative {
  return {
    ...asked,
    request: newRequest('generative'),
    ...(answered ? { answer: { query: asked.query } as GenerativeAnswer } : {}),
  };
}

describe('reuseGenerative: one decoding per query, settings and model', () => {
  it('keeps a request under way, and reuses an answer, for the same query, settings and model', () => {
    expect(reuseGenerative(last(false), asked, corpus)).toBe('pending');
    expect(reuseGenerative(last(true), asked, corpus)).toBe('answered');
    // before any corpus is open (start-up) as well
    expect(reuseGenerative(last(false), asked, null)).toBe('pending');
  });

  it('searches again when the query, the settings or the model changed', () => {
    expect(reuseGenerative(last(true), { ...asked, query: 'a black hole' }, corpus)).toBe('search');
    expect(reuseGenerative(last(true), { ...asked, params: { ...params } }, corpus)).toBe('search');
    expect(reuseGenerative(last(true), { ...asked, model: { ...model } }, corpus)).toBe('search');
  });

  it('searches again when the model was not made for the corpus open now', () => {
    expect(reuseGenerative(last(true), asked, { name: 'scifact', docs: [{}, {}, {}] })).toBe(
      'search',
    );
    expect(reuseGenerative(last(true), asked, { name: 'genir-demo', docs: [{}] })).toBe('search');
  });

  it('searches again when a newer request replaced the one under way', () => {
    const stale = last(false);
    newRequest('generative');
    expect(reuseGenerative(stale, asked, corpus)).toBe('search');
  });
});
