import {
  PROBE_BATCH,
  PROBE_BEAM,
  PROBE_REPS,
  probeCost,
  type BackendProbe,
} from '../src/models/backendChoice';
import type { PageSession } from './browser';
import { currentCommit, type BenchRow } from './results';

/**
 * The page's backend probe as a first visitor gets it: a fresh context (nothing kept), the page
 * opened, and the figures it keeps once it has timed each backend. One row per backend.
 */
export async function benchBackendProbe(session: PageSession): Promise<BenchRow[]> {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  try {
    const t0 = Date.now();
    await page.goto(`${session.url}#search`);
    const kept = await page.waitForFunction(
      () => localStorage.getItem('genir.backendProbe.v1'),
      null,
      { timeout: 600_000, polling: 250 },
    );
    const probeDoneMs = Date.now() - t0;
    const probe = JSON.parse((await kept.jsonValue()) as string) as BackendProbe;
    return probe.figures.map((f): BenchRow => ({
      dataset: '-',
      split: '-',
      method: `backend probe: ${f.backend}${f.backend === probe.choice ? ' (chosen)' : ''}`,
      config: {
        batch: PROBE_BATCH,
        beam: PROBE_BEAM,
        reps: PROBE_REPS,
        device: f.device ?? '',
        ...(f.error ? { error: f.error } : {}),
      },
      metrics: {},
      timing: (f.error
        ? { openToProbeDoneMs: probeDoneMs }
        : {
            trainStepMs: Number(f.trainStepMs!.toFixed(1)),
            decodeStepMs: Number(f.decodeStepMs!.toFixed(1)),
            cost: Number(probeCost(f)!.toFixed(1)),
            openToProbeDoneMs: probeDoneMs,
          }) as Record<string, number>,
      backend: 'headless Chromium, the page (its own probe worker)',
      commit: currentCommit(),
      date: new Date().toISOString(),
    }));
  } finally {
    await context.close();
  }
}
