import type { ProbeFigure } from '../models/backendChoice';

/** The backend probe's worker: TF.js of its own, so measuring never disturbs the engine. */
export interface ProbeWorkerApi {
  /** each backend's step times on the classroom model (models/backendProbe.ts) */
  probe(wasmThreads: number): Promise<ProbeFigure[]>;
}
