import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../../core/dsi/examples';
import { createRandom, randomInt } from '../../core/random';
import { createSeq2Seq, disposeSeq2Seq, parameterCount, type Seq2SeqConfig } from '../seq2seq';
import { createOptimizer, DEFAULT_OPTIMIZER } from './optimizers';
import { trainStep } from './trainStep';

export interface SpeedResult {
  backend: string;
  params: number;
  examplesPerSec: number;
  /** source + target tokens per second, counted as the PyTorch reference counts them */
  tokensPerSec: number;
  msPerStep: number;
  /**
   * The most bytes TF.js tensors held during one training step (weights, Adam's moments,
   * activations and gradients; tf.profile's peakBytes, GPU memory on webgpu/webgl)
   */
  peakMemoryBytes: number;
}

/**
 * Training speed on random token ids, the way ../shared/reference/torch_seq2seq_speed.py measures
 * it: same shapes (full-length sources, tgtLen decoder positions), Adam, `warmup` untimed steps.
 */
export async function measureTrainingSpeed(
  config: Seq2SeqConfig,
  batchSize: number,
  steps: number,
  warmup: number,
): Promise<SpeedResult> {
  const random = createRandom(0);
  const batch: Batch = {
    size: batchSize,
    srcLen: config.srcLen,
    tgtLen: config.tgtLen,
    src: Int32Array.from(
      { length: batchSize * config.srcLen },
      () => 1 + randomInt(random, config.srcVocab - 1),
    ),
    tgtIn: Int32Array.from({ length: batchSize * config.tgtLen }, () =>
      randomInt(random, config.tgtVocab),
    ),
    targets: Int32Array.from({ length: batchSize * config.tgtLen }, () =>
      randomInt(random, config.tgtVocab),
    ),
    weights: new Float32Array(batchSize * config.tgtLen).fill(1),
    tokens: batchSize * (config.srcLen + config.tgtLen),
  };
  const model = createSeq2Seq(config);
  const optimizer = createOptimizer(DEFAULT_OPTIMIZER);
  try {
    for (let i = 0; i < warmup; i++) await trainStep(model, optimizer, batch, 1e-3);
    // one untimed, profiled step for the memory peak (profiling slows kernels down)
    const profile = await tf.profile(() => trainStep(model, optimizer, batch, 1e-3));
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) await trainStep(model, optimizer, batch, 1e-3);
    const seconds = (performance.now() - t0) / 1000;
    const examplesPerSec = (batchSize * steps) / seconds;
    return {
      backend: tf.getBackend(),
      params: parameterCount(model),
      examplesPerSec,
      tokensPerSec: examplesPerSec * (config.srcLen + config.tgtLen),
      msPerStep: (1000 * seconds) / steps,
      peakMemoryBytes: profile.peakBytes,
    };
  } finally {
    optimizer.dispose();
    disposeSeq2Seq(model);
  }
}
