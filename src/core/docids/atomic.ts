import { docidVocab, type DocidScheme } from './types';

export interface AtomicParams {
  /**
   * Start each document's output row from the dense retriever's embedding of it (Nguyen & Yates
   * 2023); the trainer does this, the scheme only records it. Default false.
   */
  initFromDense: boolean;
}

/**
 * Memory the atomic output layer may take while training, in bytes: its weights, their gradients
 * and two Adam moments, each float32. Above it the layer does not fit a browser tab comfortably.
 */
export const ATOMIC_OUTPUT_BUDGET_BYTES = 256 * 2 ** 20;

/** Bytes the output layer of an atomic-docid decoder of width `dModel` takes while training. */
export function atomicOutputBytes(docCount: number, dModel: number): number {
  return (docCount + 2) * (dModel + 1) * 4 * 4;
}

/** Why atomic docids cannot be trained for this corpus and width, or null when they fit. */
export function atomicFitProblem(docCount: number, dModel: number): string | null {
  const bytes = atomicOutputBytes(docCount, dModel);
  if (bytes <= ATOMIC_OUTPUT_BUDGET_BYTES) return null;
  const mb = (x: number) => `${Math.round(x / 2 ** 20)} MB`;
  const most = Math.floor(ATOMIC_OUTPUT_BUDGET_BYTES / ((dModel + 1) * 16)) - 2;
  return (
    `atomic docids need one output row per document: ${docCount.toLocaleString('en')} documents at width ` +
    `${dModel} take ${mb(bytes)} while training, over the ${mb(ATOMIC_OUTPUT_BUDGET_BYTES)} budget ` +
    `(at most ${most.toLocaleString('en')} documents at this width); choose semantic, naive or text docids`
  );
}

/**
 * DSI's atomic docids (Tay et al. 2022, §3.2): every document is one token of the decoder's
 * output vocabulary, so decoding is a single softmax over documents followed by EOS. Nothing is
 * shared between documents' identifiers: the output row of a document is its learned vector.
 */
export const atomicScheme: DocidScheme<AtomicParams> = {
  name: 'atomic',
  describe:
    'One output token per document: the decoder picks a document in a single softmax step (its row is a learned document vector).',
  defaults: () => ({ initFromDense: false }),
  assign(input, params) {
    const n = input.texts.length;
    const labels = Array.from({ length: n }, (_, i) => input.ids?.[i] ?? `#${i}`);
    return {
      scheme: 'atomic',
      docids: labels.map((_, i) => [i]),
      vocab: docidVocab(labels, '-'),
      params: { ...params },
    };
  },
};
