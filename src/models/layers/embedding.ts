import * as tf from '@tensorflow/tfjs-core';

/**
 * Rows of `table` [vocab, d] for `ids` [n] → [n, d]. The gradient is a scatter-add of the
 * output gradient into the table's rows: tf.gather's own gradient needs UnsortedSegmentSum,
 * which the wasm backend lacks, while ScatterNd (which sums repeated ids) exists on every backend.
 */
export function embeddingLookup(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const lookup = tf.customGrad((t, i, save) => {
    (save as tf.GradSaveFunc)([i as tf.Tensor]);
    return {
      value: tf.gather(t as tf.Tensor2D, i as tf.Tensor1D),
      gradFunc: (dy, saved) => {
        const [savedIds] = saved;
        const rows = tf.scatterND(
          savedIds.reshape([-1, 1]),
          dy as tf.Tensor,
          (t as tf.Tensor2D).shape,
        );
        return [rows, tf.zerosLike(savedIds)];
      },
    };
  });
  return lookup(table, ids) as tf.Tensor2D;
}
