import * as tf from '@tensorflow/tfjs-core';
import { normalizeRows } from './dualEncoder';

/** InfoNCE with in-batch negatives (van den Oord et al. 2018; DPR's training loss). */
export interface InfoNceParams {
  /** softmax temperature τ: logits = cosine / τ. Default 0.05; 0.01–0.2 */
  temperature: number;
  /**
   * true: average the query → document loss (each query against every document column) and the
   * document → query loss (each positive document against the batch's queries), as CLIP does;
   * extra hard-negative columns enter only the first. Default true
   */
  symmetric: boolean;
  /**
   * Matryoshka prefix sizes (Kusupati et al. 2022): the loss is the mean over these prefixes of
   * the vectors, each prefix re-normalised. Default [] = the full vector only
   */
  matryoshkaDims: number[];
}

export const DEFAULT_INFO_NCE: InfoNceParams = {
  temperature: 0.05,
  symmetric: true,
  matryoshkaDims: [],
};

/**
 * 1 where column j must not count as a negative for row i although j ≠ i: it holds row i's own
 * document again (two queries of one document in a batch, or a hard negative that is relevant).
 * `rowDocs`: each query's document; `colDocs`: each document column's document. Row-major [B, C].
 */
export function falseNegativeMask(
  rowDocs: readonly number[],
  colDocs: readonly number[],
): Float32Array {
  const mask = new Float32Array(rowDocs.length * colDocs.length);
  rowDocs.forEach((doc, i) =>
    colDocs.forEach((other, j) => {
      if (j !== i && other === doc) mask[i * colDocs.length + j] = 1;
    }),
  );
  return mask;
}

/** Mean cross-entropy of each row's logits against the diagonal (column i is row i's answer). */
function diagonalCrossEntropy(logits: tf.Tensor2D): tf.Scalar {
  const [rows, cols] = logits.shape;
  const picked = tf.logSoftmax(logits).mul(tf.eye(rows, cols)).sum(-1);
  return picked.mean().neg() as tf.Scalar;
}

/** The loss of one prefix size `dim`. */
function lossAt(
  queries: tf.Tensor2D,
  docs: tf.Tensor2D,
  dim: number,
  p: InfoNceParams,
  ignore: tf.Tensor2D | undefined,
): tf.Scalar {
  const batch = queries.shape[0];
  const q = normalizeRows(queries.slice([0, 0], [batch, dim]));
  const d = normalizeRows(docs.slice([0, 0], [docs.shape[0], dim]));
  let logits = q.matMul(d, false, true).div(p.temperature) as tf.Tensor2D;
  // a large negative logit takes a false negative out of the softmax
  if (ignore) logits = logits.add(ignore.mul(-1e9));
  const toDocs = diagonalCrossEntropy(logits);
  if (!p.symmetric) return toDocs;
  const toQueries = diagonalCrossEntropy(logits.slice([0, 0], [batch, batch]).transpose());
  return toDocs.add(toQueries).div(2);
}

/**
 * InfoNCE of `queries` [B, d] against `docs` [B + H, d]: row i of `docs` is query i's positive, the
 * other B − 1 rows are its in-batch negatives and rows B… are extra (hard) negatives shared by all
 * queries. Vectors need not be normalised (each prefix is). `ignore` [B, B + H]: falseNegativeMask.
 */
export function infoNceLoss(
  queries: tf.Tensor2D,
  docs: tf.Tensor2D,
  params: InfoNceParams = DEFAULT_INFO_NCE,
  ignore?: tf.Tensor2D,
): tf.Scalar {
  const [batch, d] = queries.shape;
  if (docs.shape[0] < batch) throw new Error('need at least one document per query');
  const dims = params.matryoshkaDims.length > 0 ? params.matryoshkaDims : [d];
  for (const m of dims)
    if (!Number.isInteger(m) || m < 1 || m > d)
      throw new Error(`Matryoshka size ${m} is not in 1…${d}`);
  return tf.tidy(() => {
    const losses = dims.map((m) => lossAt(queries, docs, m, params, ignore));
    return tf.addN(losses).div(dims.length) as tf.Scalar;
  });
}
