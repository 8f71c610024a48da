import type { DsiTrainConfig } from '../../models/train/trainDsi';

/**
 * Below this width the generative model is a demo of the mechanics: the Tiny preset (width 16)
 * scores Hits@1 0 on the built-in corpus's held-out questions; the large-corpus preset uses 64.
 */
export const MIN_LEARNING_WIDTH = 32;

/** Fewer epochs than this show each document too few times to learn its docid (Tiny: 3). */
export const MIN_LEARNING_EPOCHS = 5;

/** Why `config` is too small to learn to retrieve (empty when it is not), in plain words. */
export function tooSmallToLearn(config: DsiTrainConfig): string[] {
  const reasons: string[] = [];
  if (config.model.dModel < MIN_LEARNING_WIDTH)
    reasons.push(`a width of ${config.model.dModel} (under ${MIN_LEARNING_WIDTH})`);
  if (config.epochs < MIN_LEARNING_EPOCHS)
    reasons.push(
      `${config.epochs} epoch${config.epochs === 1 ? '' : 's'} (under ${MIN_LEARNING_EPOCHS})`,
    );
  return reasons;
}
