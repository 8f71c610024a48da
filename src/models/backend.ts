import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { answerWasmFetches } from './handedWasm';
import { WASM_BINARIES } from './wasmBinaries';

// Threads (SharedArrayBuffer) need a cross-origin isolated page; TF.js checks that itself and
// falls back to one thread with SIMD (build-tools/tfjsWasmThreads.ts keeps the threaded build
// working in the bundled app). One thread unless asked (?threads=N): on the 2-core machine the
// benchmarks run on, two threads trained the classroom model 12-24 % slower than one
// (bench/results/train-speed.md), the threads' synchronisation costing more than they share.
const cores = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1);
/** the wasm threads asked for (TF.js reports its own count only once the backend is up) */
let threadsAsked = 1;
setThreadsCount(threadsAsked);

/** Ask for `threads` wasm threads instead of one (before the wasm backend starts). */
export function setWasmThreads(threads: number): void {
  threadsAsked = Math.max(1, Math.floor(threads));
  setThreadsCount(threadsAsked);
}

/**
 * Run `start` (the wasm backend's initialisation) with `navigator.hardwareConcurrency` doubled:
 * TF.js's wasm module caps its thread pool at half the logical cores it sees, assuming two
 * hyperthreads per core, which leaves a 2-core machine on one thread. Only TF.js reads the
 * value, once, while the module starts; it is put back right after.
 */
async function withAllCores<T>(start: () => Promise<T>): Promise<T> {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * cores, configurable: true });
  try {
    return await start();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

// the wasm binaries are bundled by Vite and served with the app (no CDN); TF.js fetches them
// through its platform, which answers from a binary the page handed over (handedWasm.ts)
setWasmPaths(WASM_BINARIES, true);
answerWasmFetches();

import { BACKEND_ORDER, SOFTWARE_RENDERER, type BackendName } from './backendNames';

export { BACKEND_ORDER, type BackendName } from './backendNames';

/**
 * The code of the backends other than wasm, fetched when one is tried: wasm (bundled) is the one
 * a CPU-only machine runs, and the GPU backends and plain JS together are about three times the
 * size of TF.js's core, so leaving them out of the engine's script lets it start sooner.
 */
const BACKEND_CODE: Partial<Record<BackendName, () => Promise<unknown>>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/** Register `name` with TF.js (fetching its code the first time); wasm is always registered. */
async function registerBackend(name: BackendName): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  await BACKEND_CODE[name]?.();
}

export interface BackendAttempt {
  backend: BackendName;
  /** why this backend was not used */
  reason: string;
}

export interface BackendReport {
  /** the backend TF.js runs on now */
  backend: BackendName;
  /** backends tried before it, with the reason each fell through */
  fellBack: BackendAttempt[];
  /** adapter or renderer description where the platform gives one */
  device: string;
  /** milliseconds spent choosing and starting the backend */
  startMs: number;
  /** how the generative model trains here (workers sharing each batch), where the engine says */
  training?: string;
}

/** Why a backend cannot work in this context, checked before TF.js tries it (or null). */
function unavailableReason(name: BackendName): string | null {
  const scope = globalThis as { isSecureContext?: boolean; navigator?: { gpu?: unknown } };
  if (name === 'webgpu' && !scope.navigator?.gpu) {
    return scope.isSecureContext === false
      ? 'WebGPU needs a secure context (https or localhost)'
      : 'this browser exposes no WebGPU (navigator.gpu is missing)';
  }
  if (
    name === 'webgl' &&
    typeof OffscreenCanvas === 'undefined' &&
    typeof document === 'undefined'
  ) {
    return 'no OffscreenCanvas in this worker, so no WebGL';
  }
  return null;
}

async function describeDevice(name: BackendName): Promise<string> {
  try {
    if (name === 'webgpu') {
      const gpu = (
        navigator as unknown as {
          gpu: {
            requestAdapter(): Promise<{
              info?: { vendor?: string; architecture?: string; description?: string };
            } | null>;
          };
        }
      ).gpu;
      const info = (await gpu.requestAdapter())?.info;
      return (
        [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') ||
        'unknown adapter'
      );
    }
    if (name === 'webgl') {
      const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      return (ext && gl ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '') || 'WebGL 2';
    }
  } catch {
    /* the description is a courtesy; the backend itself already works */
  }
  if (name === 'wasm') {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
    const threads = getThreadsCount();
    if (threads > 1) return `WebAssembly SIMD, ${threads} threads`;
    return `WebAssembly SIMD, one thread${isolated ? ' (?threads=N in the address runs N)' : ' (the page is not cross-origin isolated, so no threads)'}`;
  }
  return name === 'cpu' ? 'JavaScript on the CPU' : '';
}

/** Switch to `name` (weights move to it on first use); throws with the reason when it cannot start. */
export async function switchBackend(name: BackendName): Promise<BackendReport> {
  const report = await pickBackend(name, [name]);
  return report;
}

/**
 * Start TF.js on the first backend of `order` that initialises and runs a tiny op, and report
 * why each earlier one was skipped. `preferred` (e.g. from `?backend=webgl`) is tried first.
 */
export async function pickBackend(
  preferred?: BackendName,
  order = BACKEND_ORDER,
): Promise<BackendReport> {
  const started = performance.now();
  const tryOrder = preferred ? [preferred, ...order.filter((b) => b !== preferred)] : order;
  const fellBack: BackendAttempt[] = [];
  // ask for the names of the GPU adapters tried first in parallel (each takes a while on a
  // software renderer); none when a CPU backend comes first, e.g. one a probe measured fastest
  const isGpu = (b: BackendName) => b === 'webgpu' || b === 'webgl';
  const firstCpu = tryOrder.findIndex((b) => !isGpu(b));
  const gpuDevices = new Map(
    tryOrder
      .slice(0, firstCpu < 0 ? tryOrder.length : firstCpu)
      .filter((b) => !unavailableReason(b))
      .map((b) => [b, describeDevice(b)] as const),
  );
  for (const backend of tryOrder) {
    const unavailable = unavailableReason(backend);
    if (unavailable) {
      fellBack.push({ backend, reason: unavailable });
      continue;
    }
    // a GPU backend on a software rasterizer runs many times slower than wasm on the same CPU
    const device =
      (await (gpuDevices.get(backend) ?? (isGpu(backend) ? describeDevice(backend) : undefined))) ??
      '';
    if (backend !== preferred && SOFTWARE_RENDERER.test(device)) {
      fellBack.push({
        backend,
        reason: `${/swiftshader/i.test(device) ? 'SwiftShader' : 'a'} software renderer (?backend=${backend} forces it)`,
      });
      continue;
    }
    try {
      await registerBackend(backend);
      // one thread: the build without threads, which starts no pool of pthread workers (each
      // one compiling the module again) before the first op
      if (backend === 'wasm' && threadsAsked === 1)
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      const init = () => tf.setBackend(backend);
      const allCores = backend === 'wasm' && threadsAsked > 1;
      if (!(await (allCores ? withAllCores(init) : init()))) {
        fellBack.push({ backend, reason: 'TF.js could not initialise it' });
        continue;
      }
      await tf.ready();
      const probe = tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)));
      const value = (await probe.data())[0];
      probe.dispose();
      if (value !== 5) throw new Error(`a test op returned ${value} instead of 5`);
      return {
        backend,
        fellBack,
        device: device || (await describeDevice(backend)),
        startMs: Math.round(performance.now() - started),
      };
    } catch (e) {
      fellBack.push({ backend, reason: (e as Error).message || String(e) });
    }
  }
  throw new Error(
    `no TF.js backend works here: ${fellBack.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`,
  );
}
