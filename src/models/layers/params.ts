import * as tf from '@tensorflow/tfjs-core';
import { createRandom, type Random } from '../../core/random';

/** Named trainable weights of a model, in creation order (the checkpoint order). */
export type ParamStore = Map<string, tf.Variable>;

/** Where a model's weights come from instead of their initialisation (a checkpoint's file). */
export type WeightSource = (name: string, shape: number[]) => Float32Array;

/**
 * Creates weights with seeded initialisation, so the same seed gives the same model, or, with a
 * `source`, with the values it gives (a checkpoint: no random numbers drawn only to be replaced).
 */
export class ParamFactory {
  readonly params: ParamStore = new Map();
  private readonly random: Random;

  constructor(
    seed: number,
    private readonly source?: WeightSource,
  ) {
    this.random = createRandom(seed);
  }

  private add(name: string, shape: number[], init: () => Float32Array): tf.Variable {
    if (this.params.has(name)) throw new Error(`duplicate parameter ${name}`);
    const values = this.source ? this.source(name, shape) : init();
    const initial = tf.tensor(values, shape);
    // TF.js names variables globally; ours stay in the map so two models can coexist
    const v = tf.variable(initial, true);
    initial.dispose(); // the variable holds its own reference to the data
    this.params.set(name, v);
    return v;
  }

  /** Normal(0, std²) by Box–Muller from the seeded source. */
  normal(name: string, shape: number[], std: number): tf.Variable {
    return this.add(name, shape, () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const values = new Float32Array(n);
      for (let i = 0; i < n; i += 2) {
        const u = Math.max(this.random(), 1e-12);
        const r = Math.sqrt(-2 * Math.log(u)) * std;
        const theta = 2 * Math.PI * this.random();
        values[i] = r * Math.cos(theta);
        if (i + 1 < n) values[i + 1] = r * Math.sin(theta);
      }
      return values;
    });
  }

  /** Glorot-style scale for a dense layer from `fanIn` to `fanOut`. */
  dense(name: string, fanIn: number, fanOut: number): tf.Variable {
    return this.normal(name, [fanIn, fanOut], Math.sqrt(2 / (fanIn + fanOut)));
  }

  constant(name: string, shape: number[], value: number): tf.Variable {
    const n = shape.reduce((a, b) => a * b, 1);
    return this.add(name, shape, () => new Float32Array(n).fill(value));
  }
}

export function countParams(params: ParamStore): number {
  let n = 0;
  for (const v of params.values()) n += v.size;
  return n;
}
