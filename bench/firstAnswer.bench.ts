import { readFileSync } from 'node:fs';
import { keptWasmProbe } from '../e2e/browser';
import type { PageSession } from './browser';
import { currentCommit, percentiles, type BenchRow } from './results';

/** The first test question of the built-in corpus. */
function firstTestQuestion(): string {
  const id = readFileSync('public/corpora/genir-demo/qrels/test.tsv', 'utf8')
    .split('\n')[1]
    .split('\t')[0];
  const line = readFileSync('public/corpora/genir-demo/queries.jsonl', 'utf8')
    .split('\n')
    .find((l) => l.includes(`"${id}"`))!;
  return JSON.parse(line).text;
}

/** What {@link shownTimesScript} leaves in the page. */
interface PageRecord {
  /** performance.now() (ms since navigation start) when each moment came */
  __firstShown: Record<string, number>;
  /** settles once the query box has the focus (so the driver may type) */
  __queryFocused: Promise<void>;
  /** settles once both methods' first results are on screen */
  __bothShown: Promise<void>;
}

/**
 * Runs in the page before its scripts: records, in `window.__firstShown`, when the query box
 * gets the focus, when the question is typed, and when the first BM25 and the first generative
 * result appear (performance.now(), i.e. ms since navigation start); and gives the driver
 * promises to wait on, so that it never polls the page (Playwright's locators query the page's
 * roles and layout on its main thread, and `raf` polling makes the compositor draw a frame each
 * time, which on a software GPU took the two cores' time from the page being measured).
 */
function shownTimesScript() {
  const shown: Record<string, number> = {};
  const page = window as unknown as PageRecord;
  page.__firstShown = shown;
  const regions = { bm25: 'BM25 results', generative: 'Generative results' };
  page.__bothShown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      for (const [key, label] of Object.entries(regions))
        if (shown[key] === undefined && document.querySelector(`[aria-label="${label}"] li`))
          shown[key] = performance.now();
      if (shown.bm25 !== undefined && shown.generative !== undefined) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  page.__queryFocused = new Promise((resolve) => {
    // (no named function in here: the bench's TypeScript runner would wrap it in a helper that
    // the page does not have)
    for (const type of ['focusin', 'DOMContentLoaded'])
      document.addEventListener(
        type,
        () => {
          if (document.activeElement?.id !== 'query-input') return;
          shown.focused ??= performance.now();
          resolve();
        },
        true,
      );
  });
  document.addEventListener('input', () => (shown.typed ??= performance.now()), true);
}

/** `waiting`, or an error after two minutes (a page that never answers fails the suite). */
function inTime<T>(waiting: Promise<T>, ms = 120_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no first answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([waiting, late]).finally(() => clearTimeout(timer));
}

/**
 * Page open → first generative answer with the shipped checkpoint, cold cache (a fresh browser
 * context each run): navigation start to the first decoded result on screen, the query typed as
 * soon as the query box exists. `returning`: the context holds what an earlier visit's backend
 * probe kept (wasm), as a returning visitor's browser does (the page then starts wasm at once,
 * asks for no GPU adapter, and runs no probe). `inAddress`: the question comes in the address
 * (`?q=`, as a shared link carries it) instead of being typed, so no driver latency is included.
 */
export async function benchFirstAnswer(
  session: PageSession,
  runs = 5,
  backend?: string,
  returning = false,
  inAddress = false,
): Promise<BenchRow> {
  const question = firstTestQuestion();
  const totals: number[] = [];
  const bm25: number[] = [];
  const driverTotals: number[] = [];
  const typed: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await session.browser.newContext(
      returning ? { storageState: keptWasmProbe(new URL(session.url).origin) } : {},
    );
    const page = await context.newPage();
    // the moment each method's first result enters the page, read by the page's own clock from
    // navigation start (what the driver sees comes later, by the time its messages take)
    await page.addInitScript(shownTimesScript);
    const t0 = Date.now();
    const params = new URLSearchParams();
    if (backend) params.set('backend', backend);
    if (inAddress) params.set('q', question);
    await page.goto(`${session.url}${params.size > 0 ? `?${params}` : ''}`, {
      waitUntil: 'commit',
    });
    if (!inAddress) {
      // typed as a person pastes it once the query box has the focus: one input event, without a
      // locator's actionability checks (over 100 ms of the page's thread in a CPU profile of one
      // first visit, and they wait for frames)
      await inTime(page.evaluate(() => (window as unknown as PageRecord).__queryFocused));
      await page.keyboard.insertText(question);
    }
    await inTime(page.evaluate(() => (window as unknown as PageRecord).__bothShown));
    driverTotals.push(Date.now() - t0);
    const shown = await page.evaluate(() => (window as unknown as PageRecord).__firstShown);
    totals.push(Math.round(shown.generative));
    if (!inAddress) typed.push(Math.round(shown.typed));
    bm25.push(Math.round(shown.bm25));
    await context.close();
  }
  const p = percentiles(totals);
  return {
    dataset: 'genir-demo',
    split: 'test',
    method: `page open → first generative answer${backend ? ` (${backend})` : ''}${returning ? ' (returning visitor: the probe kept wasm)' : ''}${inAddress ? ' (question in the address, ?q=)' : ''}`,
    config: { runs, question, returning, inAddress },
    metrics: {},
    timing: {
      firstAnswerP50Ms: p.p50,
      firstAnswerMaxMs: Math.max(...totals),
      firstBm25P50Ms: percentiles(bm25).p50,
      driverSeenP50Ms: percentiles(driverTotals).p50,
      ...(inAddress ? {} : { queryTypedP50Ms: percentiles(typed).p50 }),
    },
    backend:
      backend ?? (returning ? 'wasm (kept by the probe)' : 'auto (webgpu → webgl → wasm → cpu)'),
    commit: currentCommit(),
    date: new Date().toISOString(),
  };
}
