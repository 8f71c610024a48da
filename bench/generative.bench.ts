import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Corpus } from '../src/core/corpus/types';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../src/core/decode/beamSearch';
import { evaluateRun, STANDARD_METRICS } from '../src/core/eval/metrics';
import type { Run } from '../src/core/eval/types';
import { loadTokenizer } from '../src/core/text/tokenizer';
import { importWeights, type CheckpointManifest } from '../src/models/checkpoint';
import { createRetriever, retrieve, type DsiRetriever } from '../src/models/dsiRetriever';
import { disposeSeq2Seq } from '../src/models/seq2seq';
import { DEMO_TRAIN_CONFIG, LARGE_CORPUS_CONFIG } from '../src/models/train/presets';
import { trainDsi, type DsiTrainConfig } from '../src/models/train/trainDsi';
import { DIGIT_VOCAB } from '../src/core/docids/types';
import type { DocidsFile } from '../src/models/readDsiCheckpoint';
import { currentCommit, percentiles, type BenchRow } from './results';

/** The shipped checkpoint, read from disk (the page fetches the same files). */
export function readCheckpoint(dir: string, corpus: Corpus): DsiRetriever {
  const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const manifest = json('model.json') as CheckpointManifest;
  const bin = readFileSync(join(dir, 'weights.bin'));
  const model = importWeights(
    manifest,
    bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
  );
  const file: DocidsFile = json('docids.json');
  return createRetriever(
    model,
    loadTokenizer(json('tokenizer.json')),
    corpus.docs.map((d) => file.docids[d.id]),
    file.vocab ?? DIGIT_VOCAB,
  );
}

/** Run the retriever on every judged query of `split`, with metrics and latency per beam size. */
async function evaluate(r: DsiRetriever, corpus: Corpus, split: string, beamSize: number) {
  const qrels = corpus.qrels[split];
  const queries = corpus.queries.filter((q) => qrels.has(q.id));
  const run: Run = new Map();
  const latencies: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const out = await retrieve(r, q.text, {
      ...DEFAULT_BEAM_SEARCH_PARAMS,
      beamSize,
      topK: Math.min(10, beamSize),
    });
    latencies.push(performance.now() - t0);
    run.set(
      q.id,
      out.results
        .filter((x) => x.doc !== undefined)
        .map((x) => ({ docId: corpus.docs[x.doc!].id, score: x.score })),
    );
  }
  const { p50, p95 } = percentiles(latencies);
  return {
    metrics: evaluateRun(qrels, run, STANDARD_METRICS).mean,
    p50,
    p95,
    queries: queries.length,
  };
}

function row(
  corpus: Corpus,
  split: string,
  method: string,
  config: Record<string, unknown>,
  metrics: Record<string, number>,
  timing: Record<string, number>,
): BenchRow {
  const round = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v.toFixed(4))]));
  return {
    dataset: corpus.name,
    split,
    method,
    config,
    metrics: round(metrics),
    timing: round(timing),
    backend: `wasm (Node ${process.version}, one thread)`,
    commit: currentCommit(),
    date: new Date().toISOString(),
  };
}

async function trainAndEvaluate(
  corpus: Corpus,
  split: string,
  method: string,
  config: DsiTrainConfig,
): Promise<BenchRow> {
  const t0 = performance.now();
  const trained = await trainDsi(corpus, config, {
    onProgress: (p) => {
      if (p.step % 200 === 0)
        console.log(
          `  ${method}: step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(3)} ${p.examplesPerSec.toFixed(0)} ex/s`,
        );
    },
  });
  const trainSec = (performance.now() - t0) / 1000;
  const res = await evaluate(trained.retriever, corpus, split, 10);
  disposeSeq2Seq(trained.retriever.model);
  return row(
    corpus,
    split,
    method,
    { ...config.data, model: config.model, epochs: config.epochs, beam: 10 },
    res.metrics,
    {
      trainSeconds: trainSec,
      trainExamplesPerSec: trained.speed.examplesPerSec,
      trainTokensPerSec: trained.speed.tokensPerSec,
      queryP50Ms: res.p50,
      queryP95Ms: res.p95,
      queries: res.queries,
    },
  );
}

/**
 * Generative retrieval quality and latency. The built-in corpus: the shipped checkpoint (beam 10
 * and 20) and its doc-only ablation; any other collection: a model trained here with LARGE_CORPUS_CONFIG.
 */
export async function benchGenerative(
  corpus: Corpus,
  split: string,
  checkpointDir: string | null,
  epochs?: number,
): Promise<BenchRow[]> {
  await tf.setBackend('wasm');
  const rows: BenchRow[] = [];
  if (checkpointDir && existsSync(join(checkpointDir, 'model.json'))) {
    const r = readCheckpoint(checkpointDir, corpus);
    const trainedWith = JSON.parse(readFileSync(join(checkpointDir, 'metrics.json'), 'utf8'));
    await retrieve(r, 'warm up', DEFAULT_BEAM_SEARCH_PARAMS);
    for (const beam of [10, 20]) {
      const res = await evaluate(r, corpus, split, beam);
      rows.push(
        row(
          corpus,
          split,
          `DSI checkpoint, beam ${beam}`,
          { checkpoint: checkpointDir, beam },
          res.metrics,
          {
            queryP50Ms: res.p50,
            queryP95Ms: res.p95,
            queries: res.queries,
            trainSeconds: trainedWith.trainSeconds,
            trainExamplesPerSec: trainedWith.examplesPerSec,
          },
        ),
      );
      console.log(`${rows.at(-1)!.method}: ${JSON.stringify(rows.at(-1)!.metrics)}`);
    }
    disposeSeq2Seq(r.model);
    const docOnly = {
      ...DEMO_TRAIN_CONFIG,
      evalQueries: 0,
      evalEveryEpochs: 0,
      data: {
        ...DEMO_TRAIN_CONFIG.data,
        mix: { indexing: 1, queries: 0, pseudo: 0, generated: 0 },
      },
    };
    rows.push(
      await trainAndEvaluate(
        corpus,
        split,
        'DSI doc-only ablation (no queries, no pseudo-queries)',
        docOnly,
      ),
    );
  } else {
    const config = { ...LARGE_CORPUS_CONFIG, epochs: epochs ?? LARGE_CORPUS_CONFIG.epochs };
    rows.push(
      await trainAndEvaluate(corpus, split, `DSI trained here (${config.epochs} epochs)`, config),
    );
  }
  console.log(`${rows.at(-1)!.method}: ${JSON.stringify(rows.at(-1)!.metrics)}`);
  return rows;
}
