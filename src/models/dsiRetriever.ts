import * as tf from '@tensorflow/tfjs-core';
import { DIGIT_VOCAB, type DocidVocab } from '../core/docids/types';
import type { SubwordTokenizer } from '../core/text/tokenizer';
import {
  checkOutputVocab,
  docidSpace,
  searchDocids,
  type DecodeParams,
  type DocidSpace,
  type RetrieveOutput,
} from './docidSearch';
import { decode, encode, type Seq2SeqModel } from './seq2seq';

/** A trained DSI model with what it needs to answer: tokenizer, docids and their trie. */
export interface DsiRetriever extends DocidSpace {
  model: Seq2SeqModel;
}

export function createRetriever(
  model: Seq2SeqModel,
  tokenizer: SubwordTokenizer,
  docids: number[][],
  vocab: DocidVocab = DIGIT_VOCAB,
  /** SEAL: `docids` are the documents' tokens, and n-grams of up to `ngramLength` are written */
  seal?: { ngramLength: number },
): DsiRetriever {
  checkOutputVocab(model.config.tgtVocab, vocab);
  return { model, ...docidSpace(tokenizer, docids, vocab, seal) };
}

/**
 * Decode docids for `query` with beam search over the trie. The encoder runs once; each step
 * decodes every live beam in one batch against the encoder states tiled to the beam count.
 */
export function retrieve(
  r: DsiRetriever,
  query: string,
  params: DecodeParams,
  /** awaited before each decoding step: lets other work run, and may throw DecodeStopped to end it */
  beforeStep?: () => Promise<void>,
): Promise<RetrieveOutput> {
  return searchDocids(r, query, params, (src) => tfDecoding(r, src, params.beamSize), beforeStep);
}

/**
 * The encoder run once on `src`; each step decodes every live beam in one batch against the
 * encoder states tiled to the beam count. Every step decodes a fixed [rows, tgtLen] block (rows
 * and positions padded; the causal mask makes the padding invisible), so GPU backends compile
 * their programs once, not per step.
 */
function tfDecoding(r: DsiRetriever, src: Int32Array, rows: number) {
  const encoded = tf.tidy(() => {
    const { memory, mask } = encode(r.model, tf.tensor2d(src, [1, src.length], 'int32'));
    return { memory: tf.keep(memory), mask: tf.keep(mask) };
  });
  const { eos, size: vocabSize } = r.vocab;
  const tgtLen = r.model.config.tgtLen;
  return {
    async step(prefixes: number[][]) {
      const len = prefixes[0].length;
      const ids = new Int32Array(rows * tgtLen).fill(eos);
      prefixes.forEach((p, i) => ids.set(p, i * tgtLen));
      const logProbs = tf.tidy(() => {
        const tgt = tf.tensor2d(ids, [rows, tgtLen], 'int32');
        const memory = tf.tile(encoded.memory, [rows, 1, 1]);
        const mask = tf.tile(encoded.mask, [rows, 1, 1, 1]);
        const logits = decode(r.model, tgt, memory, mask);
        const last = logits.slice([0, len - 1, 0], [prefixes.length, 1, vocabSize]);
        return tf.logSoftmax(last.reshape([prefixes.length, vocabSize]));
      });
      const flat = (await logProbs.data()) as Float32Array;
      logProbs.dispose();
      return prefixes.map((_, i) => flat.slice(i * vocabSize, (i + 1) * vocabSize));
    },
    dispose() {
      encoded.memory.dispose();
      encoded.mask.dispose();
    },
  };
}
