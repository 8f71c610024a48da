import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendReport } from '../src/models/backend';
import type { Seq2SeqConfig } from '../src/models/seq2seq';
import { DEMO_TRAIN_CONFIG } from '../src/models/train/presets';
import { LOCAL_SGD_PERIOD } from '../src/models/train/localSgd';
import {
  CLASSROOM_SPEED_CONFIG,
  measureTrainingSpeed,
  type SpeedResult,
} from '../src/models/train/speedBenchmark';
import type { PageSession } from './browser';
import { currentCommit, type BenchRow } from './results';

const TORCH_SCRIPT = '../shared/reference/torch_seq2seq_speed.py';

export const SPEED_CONFIG: Seq2SeqConfig = CLASSROOM_SPEED_CONFIG;
const BATCH = DEMO_TRAIN_CONFIG.batchSize;
/**
 * The config compared with PyTorch: the classroom model with one encoder layer, the nearest the
 * reference script builds (its nn.Transformer fails on zero encoder layers: IndexError). TF.js
 * is timed on it too, so the ratio compares the same model.
 */
export const TORCH_CONFIG: Seq2SeqConfig = {
  ...SPEED_CONFIG,
  encoderLayers: Math.max(1, SPEED_CONFIG.encoderLayers),
};

interface SpeedRow extends SpeedResult {
  engine: string;
  /** the model timed (SPEED_CONFIG or TORCH_CONFIG) */
  config: Seq2SeqConfig;
  note?: string;
}

/** PyTorch on the same config, the faster of one thread and all cores (null when torch is missing). */
function torchSpeed(): SpeedRow | null {
  if (!existsSync(TORCH_SCRIPT)) return null;
  const runs: SpeedRow[] = [];
  for (const threads of [1, 0]) {
    const cfg = { ...TORCH_CONFIG, batch: BATCH, steps: 20, warmup: 3, threads };
    const out = spawnSync('/usr/bin/python3', [TORCH_SCRIPT, JSON.stringify(cfg)], {
      encoding: 'utf8',
    });
    if (out.status !== 0) {
      console.warn(`torch reference failed: ${out.stderr.trim().split('\n').pop()}`);
      return null;
    }
    const r = JSON.parse(out.stdout.trim().split('\n').pop()!);
    runs.push({
      engine: r.engine,
      config: TORCH_CONFIG,
      backend: `cpu, ${r.threads} thread(s)`,
      params: r.params,
      examplesPerSec: r.examplesPerSec,
      tokensPerSec: r.tokensPerSec,
      msPerStep: r.msPerStep,
      // the reference script reports no memory figure
      peakMemoryBytes: 0,
      workers: 1,
    });
  }
  return runs.sort((a, b) => b.examplesPerSec - a.examplesPerSec)[0];
}

/** How the engine is started for a row: its backend, wasm threads and training workers. */
interface EngineSetup {
  backend: string;
  /** wasm threads (default: the page's, one) */
  threads?: number;
  /** workers sharing each batch (default: the page's, every core up to 4) */
  workers?: number;
  /** local SGD on the workers, averaged every that many batches (?localSgd=) */
  localSgd?: number;
}

/** TF.js in headless Chromium's engine worker, on a fresh page. */
export async function browserSpeed(
  session: PageSession,
  setup: EngineSetup,
  steps: number,
  config: Seq2SeqConfig = SPEED_CONFIG,
): Promise<SpeedRow> {
  const page = await session.newPage();
  try {
    await page.goto(`${session.url}bench/page/index.html`);
    const result = await page.evaluate(
      async ({ setup, config, batch, steps }) => {
        type Engine = {
          init(
            b: string,
            threads?: number,
            workers?: number,
            wasmComing?: string,
            localSgd?: number,
          ): Promise<BackendReport>;
          measureTrainingSpeed(c: unknown, b: number, s: number, w: number): Promise<SpeedResult>;
        };
        const engine = (window as unknown as { genirEngine: Engine }).genirEngine;
        const report = await engine.init(
          setup.backend,
          setup.threads,
          setup.workers,
          undefined,
          setup.localSgd,
        );
        if (report.backend !== setup.backend)
          return {
            error: `${setup.backend} unavailable: ${report.fellBack.map((f) => f.reason).join('; ')}`,
          };
        return { report, speed: await engine.measureTrainingSpeed(config, batch, steps, 2) };
      },
      { setup, config, batch: BATCH, steps },
    );
    if ('error' in result)
      return {
        engine: 'tfjs (Chromium worker)',
        config,
        backend: setup.backend,
        params: 0,
        examplesPerSec: 0,
        tokensPerSec: 0,
        msPerStep: 0,
        peakMemoryBytes: 0,
        workers: 1,
        note: result.error,
      };
    return {
      engine: 'tfjs (Chromium worker)',
      config,
      ...result.speed,
      backend: `${setup.backend} (${result.report.device})`,
    };
  } finally {
    await page.close();
  }
}

/**
 * What this machine gives two busy threads: two pages training at once on one wasm thread each,
 * alone in their engine, their examples/s added up. No way of sharing training between two
 * workers can beat this; on two cores shared with other work it is well under 2× one page.
 */
export async function twoPagesAtOnce(
  session: PageSession,
  config: Seq2SeqConfig,
): Promise<SpeedRow> {
  const alone = { backend: 'wasm', threads: 1, workers: 1 };
  const [a, b] = await Promise.all([
    browserSpeed(session, alone, 30, config),
    browserSpeed(session, alone, 30, config),
  ]);
  return {
    ...a,
    engine: 'tfjs (Chromium worker), two pages at once',
    examplesPerSec: a.examplesPerSec + b.examplesPerSec,
    tokensPerSec: a.tokensPerSec + b.tokensPerSec,
    msPerStep: (a.msPerStep + b.msPerStep) / 2,
    note: `${a.examplesPerSec.toFixed(1)} + ${b.examplesPerSec.toFixed(1)} ex/s`,
  };
}

/** How the row's workers trained: sharing each batch, or local SGD. */
const workersOf = (s: SpeedRow) =>
  s.workers < 2
    ? ''
    : s.localSgdPeriod
      ? `, local SGD on ${s.workers} workers (copies averaged every ${s.localSgdPeriod} batches)`
      : `, ${s.workers} workers sharing each batch`;

/** ", 2 threads" or ", one thread" when the backend's description names its wasm threads. */
const threadsOf = (backend: string) => {
  const m = /(\d+ threads|one thread)/.exec(backend);
  return m ? `, ${m[1]}` : '';
};

/** Training examples/s and tokens/s of the default model per backend, next to PyTorch on this machine. */
export async function benchTrainSpeed(session: PageSession): Promise<BenchRow[]> {
  const speeds: SpeedRow[] = [];
  const torch = torchSpeed();
  if (torch) speeds.push(torch);
  const cores = availableParallelism();
  const alone = { backend: 'wasm', threads: 1, workers: 1 };
  const shared = { backend: 'wasm', threads: 1, workers: cores };
  const localSgd = { backend: 'wasm', threads: 1, workers: cores, localSgd: LOCAL_SGD_PERIOD };
  // GPU backends here are SwiftShader (a CPU emulation): a few steps are enough to see their rate
  for (const [setup, steps] of [
    // every core against one: workers sharing each batch (the page's default), TF.js's threads
    [alone, 30],
    [shared, 30],
    // each worker a copy of the model on batches of its own, averaged every 8 batches (not the
    // page's default: what it learns differs from one worker's training)
    [localSgd, 32],
    [{ backend: 'wasm', threads: cores, workers: 1 }, 30],
    [{ backend: 'webgpu' }, 3],
    [{ backend: 'webgl' }, 3],
    [{ backend: 'cpu' }, 2],
  ] as const) {
    speeds.push(await browserSpeed(session, setup, steps));
    console.log(
      `${setup.backend}: ${speeds.at(-1)!.examplesPerSec.toFixed(1)} ex/s ${speeds.at(-1)!.note ?? ''}`,
    );
  }
  speeds.push(await twoPagesAtOnce(session, SPEED_CONFIG));
  console.log(`two pages at once: ${speeds.at(-1)!.note}`);
  // the model PyTorch is compared on, in the page's engine alone and shared among workers
  for (const setup of [alone, shared, localSgd]) {
    speeds.push(await browserSpeed(session, setup, 20, TORCH_CONFIG));
    console.log(`wasm, PyTorch’s config: ${speeds.at(-1)!.examplesPerSec.toFixed(1)} ex/s`);
  }
  await tf.setBackend('wasm');
  speeds.push({
    engine: 'tfjs (Node)',
    config: SPEED_CONFIG,
    ...(await measureTrainingSpeed(SPEED_CONFIG, BATCH, 10, 2)),
    backend: 'wasm (Node, one thread)',
  });
  const date = new Date().toISOString();
  const commit = currentCommit();
  const oneThread = (config: Seq2SeqConfig) =>
    speeds.find(
      (s) =>
        s.engine === 'tfjs (Chromium worker)' &&
        s.config === config &&
        /one thread/.test(s.backend) &&
        s.workers === 1,
    );
  const model = (config: Seq2SeqConfig) =>
    config === SPEED_CONFIG ? '' : `, ${config.encoderLayers} encoder layer (PyTorch’s config)`;
  return speeds.map((s) => ({
    dataset: 'random ids',
    split: '-',
    method: `train speed: ${s.engine}, ${s.backend.split(' (')[0]}${threadsOf(s.backend)}${workersOf(s)}${model(s.config)}`,
    config: { ...s.config, batch: BATCH, note: s.note },
    metrics: {},
    timing: {
      examplesPerSec: Number(s.examplesPerSec.toFixed(1)),
      tokensPerSec: Math.round(s.tokensPerSec),
      msPerStep: Number(s.msPerStep.toFixed(1)),
      params: s.params,
      peakMemoryMB: s.peakMemoryBytes ? Number((s.peakMemoryBytes / 2 ** 20).toFixed(1)) : NaN,
      // the same model only
      ratioToPyTorch:
        torch && s.examplesPerSec && s.config === TORCH_CONFIG
          ? Number((s.examplesPerSec / torch.examplesPerSec).toFixed(3))
          : NaN,
      ratioToOneWasmThread:
        oneThread(s.config) && s.examplesPerSec
          ? Number((s.examplesPerSec / oneThread(s.config)!.examplesPerSec).toFixed(3))
          : NaN,
    },
    backend: s.backend,
    commit,
    date,
  }));
}
