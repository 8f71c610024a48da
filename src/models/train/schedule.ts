/** Learning-rate schedule: linear warm-up, then cosine decay to a floor. */
export interface LrScheduleParams {
  /** peak learning rate. Default 1e-3 (Adam); use ~3e-4 for Lion */
  peak: number;
  /** warm-up steps (linear from 0). Default 100 */
  warmupSteps: number;
  /** total steps of the run; decay ends here */
  totalSteps: number;
  /** final rate as a fraction of the peak. Default 0.1 */
  floor: number;
}

export const DEFAULT_LR_SCHEDULE: Omit<LrScheduleParams, 'totalSteps'> = {
  peak: 1e-3,
  warmupSteps: 100,
  floor: 0.1,
};

/** The learning rate at `step` (0-based). Pure, so it is tested and plotted without TF.js. */
export function learningRateAt(step: number, p: LrScheduleParams): number {
  const warmup = Math.min(p.warmupSteps, Math.max(1, p.totalSteps - 1));
  if (step < warmup) return (p.peak * (step + 1)) / warmup;
  const span = Math.max(1, p.totalSteps - warmup);
  const progress = Math.min(1, (step - warmup) / span);
  const cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
  return p.peak * (p.floor + (1 - p.floor) * cosine);
}
