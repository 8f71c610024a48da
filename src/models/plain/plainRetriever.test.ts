import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../../core/decode/beamSearch';
import { DIGIT_VOCAB } from '../../core/docids/types';
import { trainTokenizer } from '../../core/text/tokenizer';
import { exportWeights } from '../checkpoint';
import type { DecodeParams, RetrieveOutput } from '../docidSearch';
import { createRetriever, retrieve } from '../dsiRetriever';
import { importDsiCheckpoint } from '../loadCheckpoint';
import { type DsiCheckpointFiles } from '../readDsiCheckpoint';
import { createSeq2Seq, disposeSeq2Seq, parameterCount, type Seq2SeqConfig } from '../seq2seq';
import { weightSource } from '../weightTable';
import { plainRetrieve, plainRetrieverOf, type PlainRetriever } from './plainRetriever';
import { plainParameterCount, plainSeq2Seq } from './plainSeq2Seq';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Same docids in the same order, log-probabilities equal up to float rounding. */
function expectSameOutput(plain: RetrieveOutput, tfjs: RetrieveOutput) {
  expect(plain.results.map((r) => [r.tokens, r.doc, r.group])).toEqual(
    tfjs.results.map((r) => [r.tokens, r.doc, r.group]),
  );
  plain.results.forEach((r, i) => expect(r.logProb).toBeCloseTo(tfjs.results[i].logProb, 4));
  expect(plain.trace.length).toBe(tfjs.trace.length);
  plain.trace.forEach((entry, i) =>
    expect(entry.beams.map((b) => b.prefix)).toEqual(tfjs.trace[i].beams.map((b) => b.prefix)),
  );
}

const TEXTS = [
  'volcano lava magma eruption crater',
  'whale ocean dolphin fin swim',
  'violin string bow orchestra music',
  'comet orbit tail ice dust',
];

describe('the plain forward pass decodes what TF.js decodes', () => {
  const configs: Partial<Seq2SeqConfig>[] = [
    { encoderLayers: 0, decoderLayers: 1, tgtLen: 2 },
    { encoderLayers: 2, decoderLayers: 2, tgtLen: 5 },
    { encoderLayers: 1, decoderLayers: 3, tgtLen: 4, heads: 2 },
  ];
  for (const shape of configs) {
    it(`random weights, ${JSON.stringify(shape)}`, async () => {
      const tokenizer = trainTokenizer(TEXTS, { vocabSize: 120, minFrequency: 1 });
      const config: Seq2SeqConfig = {
        srcVocab: tokenizer.vocabSize,
        tgtVocab: DIGIT_VOCAB.size,
        dModel: 32,
        heads: 4,
        dFF: 64,
        encoderLayers: 2,
        decoderLayers: 2,
        srcLen: 16,
        tgtLen: 4,
        seed: 7,
        ...shape,
      };
      // every docid of tgtLen − 1 digits that starts with 1–4: a trie with branching on each level
      const digits = config.tgtLen - 1;
      const docids = Array.from({ length: 40 }, (_, i) =>
        String(1000 + i * 37)
          .slice(-digits)
          .split('')
          .map(Number),
      ).filter((d, i, all) => all.findIndex((e) => e.join() === d.join()) === i);
      const model = createSeq2Seq(config);
      const { table, bytes } = await exportWeights(model);
      const tfRetriever = createRetriever(model, tokenizer, docids);
      const plain = plainSeq2Seq(config, weightSource(table, bytes.buffer as ArrayBuffer));
      expect(plainParameterCount(plain)).toBe(parameterCount(model));
      const plainRetriever = { ...tfRetriever, model: plain };
      const settings: DecodeParams[] = [
        DEFAULT_BEAM_SEARCH_PARAMS,
        { ...DEFAULT_BEAM_SEARCH_PARAMS, beamSize: 4, topK: 4, lengthPenalty: 1 },
        { ...DEFAULT_BEAM_SEARCH_PARAMS, beamSize: 6, topK: 6, groups: 2, diversityStrength: 0.5 },
      ];
      // the empty query is all padding: every key masked alike, as in TF.js
      for (const query of ['volcano lava', 'whale', '', 'an unseen orchestra of comets and dust'])
        for (const params of settings)
          expectSameOutput(
            await plainRetrieve(plainRetriever, query, params),
            await retrieve(tfRetriever, query, params),
          );
      disposeSeq2Seq(model);
    });
  }

  it('the shipped checkpoint: the same ten documents for the built-in questions', async () => {
    const dir = 'public/models/genir-demo/';
    const json = (name: string) => JSON.parse(readFileSync(dir + name, 'utf8'));
    const files: DsiCheckpointFiles = {
      manifest: json('model.json'),
      weights: new Uint8Array(readFileSync(dir + 'weights.bin')),
      tokenizer: json('tokenizer.json'),
      docids: json('docids.json'),
      metrics: json('metrics.json'),
      config: json('config.json'),
    };
    const loaded = importDsiCheckpoint(files);
    const plain: PlainRetriever = plainRetrieverOf(files);
    expect(plain.docIds).toEqual(loaded.docIds);
    const questions = readFileSync('public/corpora/genir-demo/queries.jsonl', 'utf8')
      .trim()
      .split('\n')
      .slice(0, 40)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    for (const q of questions)
      expectSameOutput(
        await plainRetrieve(plain, q, DEFAULT_BEAM_SEARCH_PARAMS),
        await retrieve(loaded.retriever, q, DEFAULT_BEAM_SEARCH_PARAMS),
      );
    disposeSeq2Seq(loaded.retriever.model);
  });

  it('a checkpoint that lacks a weight of its config is refused, as TF.js refuses it', () => {
    expect(() =>
      plainSeq2Seq(
        {
          srcVocab: 10,
          tgtVocab: 12,
          dModel: 8,
          heads: 2,
          dFF: 16,
          encoderLayers: 0,
          decoderLayers: 1,
          srcLen: 4,
          tgtLen: 2,
          seed: 1,
        },
        weightSource([{ name: 'src.embed', shape: [10, 4], offset: 0 }], new ArrayBuffer(160)),
      ),
    ).toThrow(/lacks weight/);
  });
});
