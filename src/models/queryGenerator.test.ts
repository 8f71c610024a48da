import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docText } from '../core/corpus/docText';
import type { Corpus } from '../core/corpus/types';
import { pretokenize, SPECIAL_TOKENS } from '../core/text/tokenizer';
import { DEFAULT_QUERYGEN_SAMPLE, TINY_QUERYGEN_CONFIG } from './queryGenConfig';
import { exportQueryGenCheckpoint, importQueryGenCheckpoint } from './queryGenCheckpoint';
import { disposeQueryGenerator, generateQueries, trainQueryGenerator } from './queryGenerator';

const TOPICS = [
  ['volcano lava magma eruption crater ash', ['volcano eruption', 'lava crater']],
  ['whale ocean dolphin fin swim krill', ['whale swim', 'ocean dolphin']],
  ['violin string bow orchestra music concert', ['violin music', 'orchestra bow']],
  ['glacier ice valley mountain snow melt', ['glacier ice', 'snow melt']],
] as const;
const docs = Array.from({ length: 16 }, (_, i) => ({
  id: `d${i}`,
  title: `${TOPICS[i % 4][0].split(' ')[0]} ${i}`,
  text: `${TOPICS[i % 4][0]} number ${i} and some ${TOPICS[(i + 1) % 4][0].split(' ')[1]}`,
}));
const queries = docs.flatMap((_, i) =>
  TOPICS[i % 4][1].map((text, j) => ({ id: `q${i}-${j}`, text: `${text} ${i}` })),
);
const corpus: Corpus = {
  name: 'tiny-topics',
  docs,
  queries,
  qrels: {
    train: new Map(
      queries.map((q) => [q.id, new Map([[q.id.split('-')[0].replace('q', 'd'), 1]])]),
    ),
  },
};
const passages = docs.map(docText);
const config = { ...TINY_QUERYGEN_CONFIG, epochs: 2, batchSize: 8 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('query generator (TF.js cpu backend)', () => {
  it('trains (loss falls), samples deterministic queries of vocabulary pieces, leaks no tensors', async () => {
    const start = tf.memory().numTensors;
    const stages: string[] = [];
    const trained = await trainQueryGenerator(corpus, config, {
      onStage: (s) => stages.push(s),
    });
    const { losses } = trained.history;
    expect(trained.pairs).toBe(32);
    expect(losses).toHaveLength(2 * 4);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-2))).toBeLessThan(mean(losses.slice(0, 2)));
    expect(stages).toContain('Training the query generator');

    const g = trained.generator;
    expect(g.vocab.size).toBe(g.tokenizer.vocabSize + 2);
    const params = { ...DEFAULT_QUERYGEN_SAMPLE, perDoc: 3 };
    const progress: number[] = [];
    const out = await generateQueries(g, passages, params, (done) => progress.push(done));
    expect(progress[progress.length - 1]).toBe(passages.length);
    expect(out.length).toBeGreaterThan(passages.length);
    expect(out.length).toBeLessThanOrEqual(passages.length * 3);
    const keys = out.map((q) => `${q.doc}|${q.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const q of out) {
      expect(q.doc).toBeGreaterThanOrEqual(0);
      expect(q.doc).toBeLessThan(passages.length);
      expect(q.text.length).toBeGreaterThan(0);
      // words of the tokenizer's normal form, written with known pieces only (no [UNK], no specials)
      expect(q.text).toBe(pretokenize(q.text).join(' '));
      expect(g.tokenizer.encode(q.text)).not.toContain(SPECIAL_TOKENS.unk);
      expect(q.text.split(' ').length).toBeLessThanOrEqual(config.maxQueryLen);
    }

    // same seed → same queries; another seed → different ones
    expect(await generateQueries(g, passages, params)).toEqual(out);
    expect(await generateQueries(g, passages, { ...params, seed: 2 })).not.toEqual(out);
    // a passage's samples do not depend on the passages batched with it
    const alone = await generateQueries(g, ['', passages[1]], params);
    expect(alone).toEqual(out.filter((q) => q.doc === 1));
    // nucleus sampling works too
    const nucleus = await generateQueries(g, passages.slice(0, 3), {
      ...params,
      sampling: { ...params.sampling, strategy: 'nucleus', topP: 0.9, temperature: 0.7 },
    });
    expect(nucleus.length).toBeGreaterThan(0);

    // saved as files and loaded again, it writes the same queries
    const files = await exportQueryGenCheckpoint(g, { corpusName: corpus.name, pairs: 32 });
    const copy = importQueryGenCheckpoint(structuredClone(files));
    expect(await generateQueries(copy, passages, params)).toEqual(out);
    expect(copy.config).toEqual(config);
    disposeQueryGenerator(copy);
    // files whose tokenizer does not fit the weights are refused
    const other = structuredClone(files);
    other.manifest.config = {
      ...other.manifest.config,
      tgtVocab: other.manifest.config.tgtVocab + 1,
    };
    expect(() => importQueryGenCheckpoint(other)).toThrow(/tokenizer.json has \d+ pieces/);

    disposeQueryGenerator(g);
    expect(tf.memory().numTensors).toBe(start);
  }, 30_000);

  it('reports a held-out loss when the eval split has pairs', async () => {
    const start = tf.memory().numTensors;
    const [first, ...rest] = [...corpus.qrels.train];
    const split = { ...corpus, qrels: { train: new Map(rest), dev: new Map([first]) } };
    const evals: number[] = [];
    const trained = await trainQueryGenerator(
      split,
      { ...config, epochs: 1, evalSplit: 'dev' },
      { onEval: (e) => evals.push(e.metrics.loss) },
    );
    expect(evals).toHaveLength(1);
    expect(evals[0]).toBeGreaterThan(0);
    expect(trained.history.evals[0].queries).toBe(1);
    disposeQueryGenerator(trained.generator);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('explains that a corpus without training queries cannot train it', async () => {
    const start = tf.memory().numTensors;
    const bare: Corpus = { ...corpus, qrels: { test: corpus.qrels.train } };
    await expect(trainQueryGenerator(bare, config)).rejects.toThrow(
      /this collection has no training queries: the query generator learns from \(query, passage\) pairs/,
    );
    expect(tf.memory().numTensors).toBe(start);
  });
});
