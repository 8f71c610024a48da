import type { PageSession } from './browser';
import { currentCommit, percentiles, type BenchRow } from './results';

const QUESTION = 'what happens to a star that collapses';

/**
 * Stepping through the beam-search inspector: beam 20, every pruned alternative drawn, the
 * decoding stepped forward and back with the keyboard while requestAnimationFrame records frame
 * intervals and the Event Timing API measures each key press from input to the next paint.
 */
export async function benchInspectorFrames(session: PageSession, cycles = 5): Promise<BenchRow> {
  const page = await session.newPage({ viewport: { width: 1400, height: 1000 } });
  try {
    await page.goto(`${session.url}#inspect`);
    const inspector = page.getByRole('region', { name: 'Beam search inspector' });
    await inspector.getByRole('spinbutton', { name: 'Beam size' }).fill('20');
    await inspector.getByRole('spinbutton', { name: 'Results' }).fill('10');
    await inspector.getByRole('textbox', { name: 'Query' }).fill(QUESTION);
    await inspector.getByRole('button', { name: 'Decode' }).click();
    const trees = inspector.getByRole('region', { name: /Search trees/ });
    await trees.waitFor({ timeout: 180_000 });
    await inspector.getByRole('checkbox', { name: 'Show all pruned alternatives' }).check();
    const steps = Number(
      (await page.getByTestId('step-label').textContent())!.match(/of (\d+)/)![1],
    );
    const nodes = await trees.locator('g[data-status]').count();
    await trees.focus();
    await page.keyboard.press('Home');
    // a string, not a function: tsx would wrap named functions in a helper the page lacks
    await page.evaluate(`(() => {
      window.frames_ = [];
      window.longTasks_ = [];
      window.keys_ = [];
      // Event Timing: each key press from input to the next paint (processing + rendering)
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.name === 'keydown')
            window.keys_.push({ duration: e.duration, processing: e.processingEnd - e.processingStart });
      }).observe({ type: 'event', durationThreshold: 16 });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks_.push(e.duration);
      }).observe({ type: 'longtask' });
      let last = performance.now();
      const tick = (t) => {
        window.frames_.push(t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    for (let c = 0; c < cycles; c++) {
      for (const key of ['ArrowRight', 'ArrowLeft']) {
        for (let s = 0; s < steps; s++) {
          await page.keyboard.press(key);
          await page.waitForTimeout(120);
        }
      }
    }
    const { frames, longTasks, keys } = (await page.evaluate(
      '({ frames: window.frames_.slice(1), longTasks: window.longTasks_, keys: window.keys_ })',
    )) as {
      frames: number[];
      longTasks: number[];
      keys: { duration: number; processing: number }[];
    };
    const p = percentiles(frames);
    return {
      dataset: 'genir-demo',
      split: 'one query',
      method: 'inspector stepping (beam 20, all pruned branches drawn)',
      config: {
        question: QUESTION,
        beamSize: 20,
        steps,
        nodesDrawn: nodes,
        keyPresses: 2 * cycles * steps,
      },
      metrics: {},
      timing: {
        frameP50Ms: p.p50,
        frameP95Ms: p.p95,
        frameMaxMs: Math.max(...frames),
        framesOver25Ms: frames.filter((f) => f > 25).length,
        frames: frames.length,
        // Event Timing reports only key presses whose input-to-paint took 16 ms or more; of those,
        // the handler time (React's render and commit of the step run inside it) is ours to spend
        keyPressesOver16Ms: keys.length,
        keyToPaintP50Ms: percentiles(keys.map((k) => k.duration)).p50,
        keyHandlerP50Ms: percentiles(keys.map((k) => k.processing)).p50,
        keyHandlerMaxMs: keys.length ? Math.max(...keys.map((k) => k.processing)) : 0,
        longTasks: longTasks.length,
        longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      },
      backend: 'page (auto backend; stepping does no model work)',
      commit: currentCommit(),
      date: new Date().toISOString(),
    };
  } finally {
    await page.close();
  }
}
