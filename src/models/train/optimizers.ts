import * as tf from '@tensorflow/tfjs-core';

import type { OptimizerParams } from './config';

export { DEFAULT_OPTIMIZER, type OptimizerName, type OptimizerParams } from './config';

/** An optimizer whose learning rate is given per step (so a schedule drives it). */
export interface Optimizer {
  apply(grads: Map<tf.Variable, tf.Tensor>, lr: number): void;
  dispose(): void;
}

/** AdamW (Loshchilov & Hutter) with bias correction; weight decay skips vectors (norms, biases). */
export function createOptimizer(p: OptimizerParams): Optimizer {
  const state = new Map<tf.Variable, { m: tf.Variable; v?: tf.Variable }>();
  let t = 0;
  const slot = (w: tf.Variable) => {
    let s = state.get(w);
    if (!s) {
      s = {
        m: tf.variable(tf.zerosLike(w), false),
        v: p.name === 'adam' ? tf.variable(tf.zerosLike(w), false) : undefined,
      };
      state.set(w, s);
    }
    return s;
  };
  return {
    apply(grads, lr) {
      t++;
      const c1 = 1 - p.beta1 ** t;
      const c2 = 1 - p.beta2 ** t;
      for (const [w, g] of grads) {
        const s = slot(w);
        const decay = w.rank > 1 ? p.weightDecay : 0;
        tf.tidy(() => {
          if (p.name === 'adam') {
            const m = s.m.mul(p.beta1).add(g.mul(1 - p.beta1));
            const v = s.v!.mul(p.beta2).add(g.square().mul(1 - p.beta2));
            s.m.assign(m);
            s.v!.assign(v);
            const step = m.div(c1).div(v.div(c2).sqrt().add(1e-8));
            w.assign(w.sub(step.add(w.mul(decay)).mul(lr)));
          } else {
            // Lion (Chen et al. 2023): sign of an interpolated momentum, then a slower momentum update
            const update = tf.sign(s.m.mul(p.beta1).add(g.mul(1 - p.beta1)));
            w.assign(w.sub(update.add(w.mul(decay)).mul(lr)));
            s.m.assign(s.m.mul(p.beta2).add(g.mul(1 - p.beta2)));
          }
        });
      }
    },
    dispose() {
      for (const s of state.values()) {
        s.m.dispose();
        s.v?.dispose();
      }
      state.clear();
    },
  };
}
