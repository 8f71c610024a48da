// The dense half of npm run train:demo (--model dense): train the dual encoder on the built-in
// corpus and write the checkpoint the page can load to public/models/genir-demo-dense/.
import { consoleProgress } from './consoleProgress';
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../src/core/corpus/types';
import { exportDenseCheckpoint } from '../src/models/dense/denseCheckpoint';
import { disposeDenseRetriever, evaluateDense } from '../src/models/dense/denseRetriever';
import {
  DEMO_DENSE_CONFIG,
  trainDense,
  type DenseTrainConfig,
} from '../src/models/dense/trainDense';

export interface DenseDemoOptions {
  outDir: string;
  epochs?: number;
  temperature?: number;
  hardNegatives?: boolean;
}

export async function trainDenseDemo(corpus: Corpus, opts: DenseDemoOptions): Promise<void> {
  const config: DenseTrainConfig = {
    ...DEMO_DENSE_CONFIG,
    epochs: opts.epochs ?? DEMO_DENSE_CONFIG.epochs,
    temperature: opts.temperature ?? DEMO_DENSE_CONFIG.temperature,
    hardNegatives: opts.hardNegatives ?? DEMO_DENSE_CONFIG.hardNegatives,
  };
  console.log(
    `dense: backend ${tf.getBackend()}, ${corpus.docs.length} docs, ${config.epochs} epochs, τ ${config.temperature}${config.hardNegatives ? ', BM25 hard negatives' : ''}`,
  );
  const started = Date.now();
  const trained = await trainDense(corpus, config, {
    ...consoleProgress(),
    onPrepared: (p) =>
      console.log(
        `params ${p.parameters}, pairs ${JSON.stringify(p.pairs)}, vocab ${p.vocab}, maxLen ${p.maxLen}`,
      ),
  });
  const final = trained.history.evals.at(-1);
  console.log(
    `done in ${Math.round((Date.now() - started) / 1000)} s; training ${trained.speed.seconds.toFixed(1)} s at ${trained.speed.examplesPerSec.toFixed(1)} ex/s`,
  );
  // the Matryoshka prefixes, each searched on its own (re-normalised)
  const byDims: Record<string, Record<string, number>> = {};
  for (const dims of config.matryoshkaDims) {
    const res = await evaluateDense(
      trained.retriever,
      corpus,
      config.evalSplit,
      config.evalQueries,
      config.data.seed,
      dims,
    );
    byDims[dims] = res.metrics;
    console.log(`  first ${dims} dims: ${JSON.stringify(res.metrics)}`);
  }

  const metrics: Record<string, number> = {
    queries: final?.queries ?? 0,
    ...(final?.metrics ?? {}),
    trainSeconds: Math.round(trained.speed.seconds),
    examplesPerSec: Number(trained.speed.examplesPerSec.toFixed(1)),
    finalLoss: trained.history.losses.at(-1) ?? NaN,
  };
  const files = await exportDenseCheckpoint(
    trained.retriever,
    corpus.docs.map((d) => d.id),
    { training: { ...config }, metrics },
  );
  mkdirSync(opts.outDir, { recursive: true });
  const write = (name: string, value: unknown) =>
    writeFileSync(join(opts.outDir, name), JSON.stringify(value) + '\n');
  writeFileSync(join(opts.outDir, 'weights.bin'), files.weights);
  writeFileSync(join(opts.outDir, 'embeddings.bin'), files.embeddings);
  write('model.json', files.manifest);
  write('tokenizer.json', files.tokenizer);
  write('config.json', {
    corpus: corpus.name,
    training: config,
    pairs: trained.data.counts,
    backend: tf.getBackend(),
  });
  write('metrics.json', { split: config.evalSplit, ...metrics, matryoshka: byDims });
  console.log(`wrote ${opts.outDir}`);
  disposeDenseRetriever(trained.retriever);
}
