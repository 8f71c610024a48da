import { BACKEND_ORDER, type BackendName } from './backendNames';
import {
  CLEARLY_SLOWER,
  PROBE_BATCH,
  PROBE_BEAM,
  PROBE_REPS,
  type ProbeFigure,
} from './backendChoice';
import { setWasmThreads, switchBackend } from './backend';
import { CLASSROOM_SPEED_CONFIG, measureStepTimes } from './train/speedBenchmark';

/**
 * WebAssembly first (it starts everywhere, quickly), then the GPU backends whatever their adapter:
 * a software one measures slow rather than being skipped by its name.
 */
export const PROBE_ORDER: readonly BackendName[] = ['wasm', 'webgpu', 'webgl', 'cpu'];

/**
 * Time one training step and one decoding step of the classroom model on each backend that
 * starts here. Plain JavaScript (cpu) is measured only when WebAssembly cannot start: it runs the
 * same kernels without SIMD, so it cannot win, and one training step takes seconds. Meant for its
 * own worker: it switches TF.js's backend as it goes.
 */
export async function probeBackends(
  wasmThreads: number,
  order: readonly BackendName[] = PROBE_ORDER,
): Promise<ProbeFigure[]> {
  if (wasmThreads > 1) setWasmThreads(wasmThreads);
  const figures: ProbeFigure[] = [];
  for (const backend of order) {
    if (backend === 'cpu' && figures.some((f) => f.backend === 'wasm' && !f.error)) continue;
    const measured = figures.filter((f) => !f.error);
    const fastest = (key: 'trainStepMs' | 'decodeStepMs') =>
      measured.length > 0 ? CLEARLY_SLOWER * Math.min(...measured.map((f) => f[key]!)) : undefined;
    try {
      const report = await switchBackend(backend);
      const times = await measureStepTimes(
        CLASSROOM_SPEED_CONFIG,
        PROBE_BATCH,
        PROBE_BEAM,
        PROBE_REPS,
        { trainStepMs: fastest('trainStepMs'), decodeStepMs: fastest('decodeStepMs') },
      );
      figures.push({ backend, device: report.device, ...times });
    } catch (e) {
      figures.push({ backend, error: (e as Error).message || String(e) });
    }
  }
  // listed in the usual order, whatever order they were measured in
  return BACKEND_ORDER.flatMap((b) => figures.filter((f) => f.backend === b));
}
