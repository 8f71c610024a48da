import type { Corpus } from '../core/corpus/types';

/** Twelve documents on three topics and one judged question: enough for a tiny model in tests. */
export const TINY_TOPICS_CORPUS: Corpus = {
  name: 'tiny',
  docs: Array.from({ length: 12 }, (_, i) => ({
    id: `d${i}`,
    title: `Doc ${i}`,
    text: `${['volcano lava magma', 'whale ocean dolphin', 'violin string orchestra'][i % 3]} number ${i}`,
  })),
  queries: [{ id: 'q1', text: 'volcano lava' }],
  qrels: { train: new Map([['q1', new Map([['d0', 1]])]]) },
};
