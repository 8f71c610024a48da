import type { Batch } from './examples';

/**
 * What a batch's loss is divided by: its target-token weight and its rows with a teacher
 * distribution. A part of a batch divides by the whole batch's figures, so the parts' losses and
 * gradients add up to the whole batch's (data-parallel training).
 */
export interface LossNorm {
  /** sum of the target-token weights (at least 1) */
  targetWeight: number;
  /** rows that carry a teacher distribution (at least 1) */
  teacherRows: number;
}

const total = (xs: Float32Array | undefined) => (xs ? xs.reduce((s, x) => s + x, 0) : 0);

/** The whole batch's loss normalisers. */
export function lossNorm(batch: Batch): LossNorm {
  return {
    targetWeight: Math.max(total(batch.weights), 1),
    teacherRows: Math.max(total(batch.teacherRows), 1),
  };
}

/**
 * Cut a batch into at most `parts` consecutive slices of rows, as even as can be (the first ones
 * one row longer), none empty. Each part keeps the batch's padded lengths; its `tokens` counts its
 * own real source and target tokens.
 */
export function splitBatch(batch: Batch, parts: number): Batch[] {
  const n = Math.max(1, Math.min(Math.floor(parts), batch.size));
  if (n === 1) return [batch];
  const { srcLen, tgtLen } = batch;
  const vocab = batch.teacher && batch.size ? batch.teacher.length / batch.size : 0;
  const out: Batch[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const rows = Math.floor(batch.size / n) + (i < batch.size % n ? 1 : 0);
    const to = from + rows;
    const src = batch.src.slice(from * srcLen, to * srcLen);
    const weights = batch.weights.slice(from * tgtLen, to * tgtLen);
    let tokens = 0;
    for (const id of src) if (id !== 0) tokens++;
    for (const w of weights) if (w > 0) tokens++;
    out.push({
      size: rows,
      srcLen,
      tgtLen,
      src,
      tgtIn: batch.tgtIn.slice(from * tgtLen, to * tgtLen),
      targets: batch.targets.slice(from * tgtLen, to * tgtLen),
      weights,
      tokens,
      teacher: batch.teacher?.slice(from * vocab, to * vocab),
      teacherRows: batch.teacherRows?.slice(from, to),
    });
    from = to;
  }
  return out;
}
