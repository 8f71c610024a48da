import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { withDevSplit } from './devSplit';

const judged = (pairs: [string, string][]) =>
  new Map(pairs.map(([q, d]) => [q, new Map([[d, 1]])]));

const corpus: Corpus = {
  name: 'c',
  docs: [{ id: 'd1', title: '', text: 'x' }],
  queries: [],
  qrels: {
    train: judged(Array.from({ length: 40 }, (_, i) => [`q${i}`, 'd1'] as [string, string])),
    test: judged([['t1', 'd1']]),
  },
};

describe('withDevSplit', () => {
  it('moves a seeded 15% of the train queries to dev: disjoint from train and test, same each time', () => {
    const a = withDevSplit(corpus);
    const dev = [...a.qrels.dev.keys()];
    const train = [...a.qrels.train.keys()];
    expect(dev).toHaveLength(6);
    expect(train).toHaveLength(34);
    expect(dev.filter((q) => a.qrels.train.has(q) || a.qrels.test.has(q))).toEqual([]);
    expect(new Set([...dev, ...train])).toEqual(new Set(corpus.qrels.train.keys()));
    expect(a.qrels.test).toBe(corpus.qrels.test);
    expect([...withDevSplit(corpus).qrels.dev.keys()]).toEqual(dev);
    expect([...withDevSplit(corpus, { fraction: 0.15, seed: 2 }).qrels.dev.keys()]).not.toEqual(
      dev,
    );
    // the input is not changed
    expect(corpus.qrels.train.size).toBe(40);
    expect(corpus.qrels.dev).toBeUndefined();
  });

  it('leaves a corpus with its own dev split, or without train queries, as it is', () => {
    const own = { ...corpus, qrels: { ...corpus.qrels, dev: judged([['x', 'd1']]) } };
    expect(withDevSplit(own)).toBe(own);
    const none = { ...corpus, qrels: { test: corpus.qrels.test } };
    expect(withDevSplit(none)).toBe(none);
  });
});
