/** What decides the size of the seq2seq model (src/models/seq2seq.ts). */
export interface Seq2SeqShape {
  /** encoder vocabulary (the tokenizer's size) */
  srcVocab: number;
  /** decoder vocabulary: the docid digits plus end and start (12) */
  tgtVocab: number;
  dModel: number;
  dFF: number;
  encoderLayers: number;
  decoderLayers: number;
  srcLen: number;
  /** start token + longest docid; unknown before the docids exist, about 6 */
  tgtLen: number;
}

/** q, k, v and output projections, each d×d weights plus d biases (layers/attention.ts). */
export const attentionParams = (d: number) => 4 * (d * d + d);

/** two dense layers d → dFF → d with biases (layers/feedForward.ts). */
export const feedForwardParams = (d: number, dFF: number) => d * dFF + dFF + dFF * d + d;

/** a layer norm's gain and bias */
export const normParams = (d: number) => 2 * d;

/**
 * Trainable numbers of the model `createSeq2Seq` would build, counted the way it creates its
 * weights, so the settings form can show the size before any data is prepared.
 */
export function seq2seqParameterCount(s: Seq2SeqShape): number {
  const d = s.dModel;
  const embeddings = (s.srcVocab + s.srcLen + s.tgtVocab + s.tgtLen) * d;
  const encoderBlock = 2 * normParams(d) + attentionParams(d) + feedForwardParams(d, s.dFF);
  // a decoder block adds cross-attention over the encoder and the norm in front of it
  const decoderBlock = 3 * normParams(d) + 2 * attentionParams(d) + feedForwardParams(d, s.dFF);
  const finalNorms = 2 * normParams(d);
  const output = d * s.tgtVocab + s.tgtVocab;
  return (
    embeddings +
    s.encoderLayers * encoderBlock +
    s.decoderLayers * decoderBlock +
    finalNorms +
    output
  );
}
