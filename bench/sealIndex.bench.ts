import { docText } from '../src/core/corpus/docText';
import type { Corpus } from '../src/core/corpus/types';
import { LARGE_CORPUS_CONFIG, DEMO_TRAIN_CONFIG } from '../src/models/train/presets';
import type { NgramIndexTiming } from '../src/worker/ngramIndexTiming';
import type { PageSession } from './browser';
import { currentCommit, percentiles, type BenchRow } from './results';

/**
 * SEAL's n-gram index built in the page's engine worker (headless Chromium), as a training run or a
 * saved model's load builds it: every document encoded in subwords, then the suffix array. The
 * tokenizer is the one training would use for the collection (classroom settings on the built-in
 * corpus, LARGE_CORPUS_CONFIG's elsewhere), trained first and not timed. Three builds per corpus.
 */
export async function benchSealIndex(session: PageSession, corpora: Corpus[]): Promise<BenchRow[]> {
  const page = await session.newPage();
  const rows: BenchRow[] = [];
  try {
    await page.goto(`${session.url}bench/page/index.html`);
    await page.evaluate(() =>
      (window as unknown as { genirEngine: { init(): Promise<unknown> } }).genirEngine.init(),
    );
    for (const corpus of corpora) {
      const tokenizer =
        corpus.name === 'genir-demo'
          ? DEMO_TRAIN_CONFIG.data.tokenizer
          : LARGE_CORPUS_CONFIG.data.tokenizer;
      const runs: NgramIndexTiming[] = [];
      for (let i = 0; i < 3; i++) {
        runs.push(
          await page.evaluate(
            ({ texts, tokenizer }) =>
              (
                window as unknown as {
                  genirEngine: {
                    measureNgramIndex(t: string[], k: unknown): Promise<NgramIndexTiming>;
                  };
                }
              ).genirEngine.measureNgramIndex(texts, tokenizer),
            { texts: corpus.docs.map(docText), tokenizer },
          ),
        );
      }
      const median = (f: (r: NgramIndexTiming) => number) =>
        Number(percentiles(runs.map(f)).p50.toFixed(1));
      const { tokens, bytes } = runs[0];
      rows.push({
        dataset: corpus.name,
        split: '-',
        method: 'SEAL n-gram index build in the page (engine worker)',
        config: { tokenizer, docs: corpus.docs.length, runs: runs.length },
        metrics: {},
        timing: {
          tokenizeMs: median((r) => r.tokenizeMs),
          suffixArrayMs: median((r) => r.buildMs),
          totalMs: median((r) => r.tokenizeMs + r.buildMs),
          corpusTokens: tokens,
          indexBytes: bytes,
          bytesPerToken: Number((bytes / tokens).toFixed(2)),
        },
        backend: 'headless Chromium worker (no TF.js involved)',
        commit: currentCommit(),
        date: new Date().toISOString(),
      });
      console.log(`${corpus.name}: ${JSON.stringify(rows.at(-1)!.timing)}`);
    }
  } finally {
    await page.close();
  }
  return rows;
}
