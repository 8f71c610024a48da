import type { EvalPoint, TrainProgress } from '../src/models/train/control';

/** Training callbacks that log stages, evaluations and a progress line every 10 s (headless runs). */
export function consoleProgress() {
  let lastLog = 0;
  return {
    onStage: (s: string) => console.log(s),
    onProgress: (p: TrainProgress) => {
      if (Date.now() - lastLog > 10_000 || p.step === p.totalSteps) {
        lastLog = Date.now();
        console.log(
          `step ${p.step}/${p.totalSteps} epoch ${p.epoch.toFixed(2)} loss ${p.loss.toFixed(4)} ${p.examplesPerSec.toFixed(1)} ex/s eta ${Math.round(p.etaSec)} s`,
        );
      }
    },
    onEval: (e: EvalPoint) =>
      console.log(`eval epoch ${e.epoch}: ${JSON.stringify(e.metrics)} on ${e.queries} queries`),
  };
}
