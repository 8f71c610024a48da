import * as tf from '@tensorflow/tfjs-core';
import { applyClippedGradients } from '../train/clipGradients';
import type { Optimizer } from '../train/optimizers';
import type { DenseBatch } from './densePairs';
import { encodeTower, type DualEncoderModel } from './dualEncoder';
import { falseNegativeMask, infoNceLoss, type InfoNceParams } from './infoNce';

/**
 * Forward both towers, InfoNCE over in-batch (and hard) negatives, backward, one optimizer update;
 * returns the loss (read back asynchronously). `seed` varies the dropout masks per step.
 */
export async function denseTrainStep(
  model: DualEncoderModel,
  optimizer: Optimizer,
  batch: DenseBatch,
  loss: InfoNceParams,
  lr: number,
  seed: number,
): Promise<number> {
  const vars = [...model.params.values()];
  const rate = model.config.dropout;
  const cols = batch.colDocs.length;
  const lossTensor = tf.tidy(() => {
    const q = tf.tensor2d(batch.queries.ids, [batch.size, batch.queries.len], 'int32');
    const d = tf.tensor2d(batch.docs.ids, [cols, batch.docs.len], 'int32');
    const mask = falseNegativeMask(batch.rowDocs, batch.colDocs);
    const ignore = mask.some((x) => x > 0) ? tf.tensor2d(mask, [batch.size, cols]) : undefined;
    const { value, grads } = tf.variableGrads(
      () =>
        infoNceLoss(
          encodeTower(model, q, 'query', { rate, seed }),
          // a second block of seeds, so the two towers' masks differ when they are one encoder
          encodeTower(model, d, 'doc', { rate, seed: seed + 1000 }),
          loss,
          ignore,
        ),
      vars,
    );
    applyClippedGradients(optimizer, vars, grads, lr);
    return value;
  });
  const value = (await lossTensor.data())[0];
  lossTensor.dispose();
  return value;
}
