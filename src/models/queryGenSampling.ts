import * as tf from '@tensorflow/tfjs-core';
import { encodeSource, lengthBuckets } from '../core/dsi/examples';
import { sampleToken, streamSeed } from '../core/querygen/sampling';
import { createRandom, type Random } from '../core/random';
import { SPECIAL_TOKENS } from '../core/text/tokenizer';
import type { QueryGenSampleParams } from './queryGenConfig';
import type { QueryGenerator } from './queryGenerator';
import { decode, encode } from './seq2seq';
import { nextTask } from './train/control';

/** Decoder rows (passages × samples) per decoder call: big enough to keep the backend busy. */
const ROWS_PER_CALL = 64;

/**
 * Sample `params.perDoc` queries for each passage (`doc` = its index in `passages`), dropping empty
 * and repeated ones. Each (seed, doc, sample) draws from its own random stream, so the output is
 * deterministic and one passage's queries do not depend on its neighbours.
 */
export async function generateQueries(
  generator: QueryGenerator,
  passages: readonly string[],
  params: QueryGenSampleParams,
  onProgress?: (done: number, total: number) => void,
): Promise<{ doc: number; text: string }[]> {
  const { model, tokenizer } = generator;
  const srcLen = model.config.srcLen;
  const perCall = Math.max(1, Math.floor(ROWS_PER_CALL / params.perDoc));
  const out: { doc: number; text: string }[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < passages.length; start += perCall) {
    const docs: { doc: number; src: number[] }[] = [];
    for (let doc = start; doc < Math.min(passages.length, start + perCall); doc++) {
      const src = encodeSource(tokenizer, passages[doc], srcLen);
      if (src.length > 0) docs.push({ doc, src });
    }
    for (const { doc, tokens } of await sampleBatch(generator, docs, params)) {
      const text = tokenizer.decode(tokens).trim();
      const key = `${doc}\u0000${text}`;
      if (text === '' || seen.has(key)) continue;
      seen.add(key);
      out.push({ doc, text });
    }
    onProgress?.(Math.min(passages.length, start + perCall), passages.length);
    await nextTask(); // let other messages in between batches
  }
  return out;
}

/** Autoregressive sampling of perDoc queries for each passage: the encoder runs once. */
async function sampleBatch(
  { model, vocab }: QueryGenerator,
  docs: readonly { doc: number; src: number[] }[],
  params: QueryGenSampleParams,
): Promise<{ doc: number; tokens: number[] }[]> {
  if (docs.length === 0) return [];
  const { srcLen, tgtLen } = model.config;
  const src = new Int32Array(docs.length * srcLen); // always the full length: fixed shapes
  docs.forEach((d, i) => src.set(d.src, i * srcLen));
  const rows = docs.flatMap((d, i) =>
    Array.from({ length: params.perDoc }, (_, s) => ({
      doc: d.doc,
      passage: i,
      tokens: [] as number[],
      done: false,
      random: createRandom(streamSeed(params.seed, d.doc, s)) as Random,
    })),
  );
  const encoded = tf.tidy(() => {
    const { memory, mask } = encode(model, tf.tensor2d(src, [docs.length, srcLen], 'int32'));
    const passageOfRow = tf.tensor1d(
      rows.map((r) => r.passage),
      'int32',
    );
    return { memory: tf.gather(memory, passageOfRow), mask: tf.gather(mask, passageOfRow) };
  });
  // the tokenizer's specials and the decoder's BOS are never written; EOS not as the first token
  const banned = new Set<number>([...Object.values(SPECIAL_TOKENS), vocab.bos]);
  const bannedFirst = new Set([...banned, vocab.eos]);
  const widths = lengthBuckets(tgtLen);
  try {
    for (let len = 1; len < tgtLen && rows.some((r) => !r.done); len++) {
      // decoder input BOS + tokens so far, padded to a length bucket (the causal mask hides it)
      const width = widths.find((w) => w >= len)!;
      const ids = new Int32Array(rows.length * width).fill(vocab.eos);
      rows.forEach((r, i) => {
        ids[i * width] = vocab.bos;
        ids.set(r.tokens, i * width + 1);
      });
      const logProbs = tf.tidy(() => {
        const tgt = tf.tensor2d(ids, [rows.length, width], 'int32');
        const logits = decode(model, tgt, encoded.memory, encoded.mask);
        const last = logits.slice([0, len - 1, 0], [rows.length, 1, vocab.size]);
        return tf.logSoftmax(last.reshape([rows.length, vocab.size]));
      });
      const flat = (await logProbs.data()) as Float32Array;
      logProbs.dispose();
      rows.forEach((r, i) => {
        if (r.done) return;
        const row = flat.subarray(i * vocab.size, (i + 1) * vocab.size);
        const token = sampleToken(row, params.sampling, r.random, len === 1 ? bannedFirst : banned);
        if (token === vocab.eos) r.done = true;
        else r.tokens.push(token);
      });
    }
  } finally {
    encoded.memory.dispose();
    encoded.mask.dispose();
  }
  return rows.map((r) => ({ doc: r.doc, tokens: r.tokens }));
}
