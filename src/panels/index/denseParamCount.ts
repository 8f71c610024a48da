import type { DualEncoderConfig } from '../../models/dense/config';
import { attentionParams, feedForwardParams, normParams } from './paramCount';

/** What decides the size of the dual encoder (src/models/dense/dualEncoder.ts). */
export type DualEncoderShape = Pick<
  DualEncoderConfig,
  'vocab' | 'd' | 'ff' | 'layers' | 'maxLen' | 'pooling' | 'sharedTowers'
>;

/**
 * Trainable numbers of the model `createDualEncoder` would build, counted the way it creates its
 * weights, so the settings form can show the size before any data is prepared.
 */
export function dualEncoderParameterCount(s: DualEncoderShape): number {
  const d = s.d;
  // 'cls' pooling puts a [BOS] token before the text: one more learned position
  const positions = s.maxLen + (s.pooling === 'cls' ? 1 : 0);
  const block = 2 * normParams(d) + attentionParams(d) + feedForwardParams(d, s.ff);
  const tower = positions * d + s.layers * block + normParams(d);
  // separate towers still share the token embedding table
  return s.vocab * d + (s.sharedTowers ? 1 : 2) * tower;
}
