import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { DEFAULT_DSI_DATA, prepareDsi, type DsiDataConfig } from './prepare';

const words = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma'];
const corpus: Corpus = {
  name: 'tiny',
  docs: Array.from({ length: 24 }, (_, i) => ({
    id: `d${i}`,
    title: `doc ${i}`,
    text: `${words[i % 6]} ${words[(i + 1) % 6]} text number ${i}`,
  })),
  queries: [],
  qrels: {},
};
const config: DsiDataConfig = {
  ...DEFAULT_DSI_DATA,
  tokenizer: { ...DEFAULT_DSI_DATA.tokenizer, vocabSize: 200 },
  docidParams: { k: 2, c: 6 },
  mix: { indexing: 1, queries: 0, pseudo: 0, generated: 0 },
  srcLen: 16,
};

describe('prepareDsi', () => {
  it('clusters the dense embeddings it is given when docidVectors is dense', () => {
    // two far-apart groups of embeddings: even documents and odd ones
    const vectors = corpus.docs.map((_, i) => {
      const v = new Float32Array(4);
      v[i % 2] = 1;
      v[2] = (i % 5) / 100;
      return v;
    });
    const dense = prepareDsi(corpus, { ...config, docidVectors: 'dense' }, { vectors });
    const top = dense.assignment.docids.map((d) => d[0]);
    for (let i = 2; i < top.length; i++) expect(top[i]).toBe(top[i % 2]);
    expect(top[0]).not.toBe(top[1]);
    // the same call without docidVectors ignores the embeddings (LSA of TF-IDF)
    const lsa = prepareDsi(corpus, config, { vectors });
    expect(lsa.assignment.docids).toEqual(prepareDsi(corpus, config).assignment.docids);
  });

  it('says what is missing when dense docids have no embeddings', () => {
    expect(() => prepareDsi(corpus, { ...config, docidVectors: 'dense' })).toThrow(
      /need a dense retriever/,
    );
  });
});
