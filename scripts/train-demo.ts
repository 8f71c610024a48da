// npm run train:demo — train the default DSI model on the built-in corpus, headless (Node, TF.js
// wasm backend), and write the checkpoint the page loads at start-up to public/models/genir-demo/.
// --model dense trains the dual encoder instead and writes public/models/genir-demo-dense/.
import { consoleProgress } from './consoleProgress';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBeirFolder } from '../bench/readBeir';
import type { Corpus } from '../src/core/corpus/types';
import { exportDsiCheckpoint, toDocidsFile } from '../src/models/loadCheckpoint';
import { disposeSeq2Seq } from '../src/models/seq2seq';
import { DEMO_TRAIN_CONFIG } from '../src/models/train/presets';
import { trainDsi } from '../src/models/train/trainDsi';
import { halveCheckpointDir } from './half-weights';
import { trainDenseDemo } from './trainDenseDemo';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const modelKind = arg('model') ?? 'generative';
if (modelKind !== 'generative' && modelKind !== 'dense')
  throw new Error(`--model must be generative or dense, not ${modelKind}`);
const corpusDir = arg('corpus') ?? 'public/corpora/genir-demo';

await tf.setBackend(arg('backend') ?? 'wasm');
await tf.ready();
const corpus = readBeirFolder(corpusDir);
if (modelKind === 'dense') {
  const number = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  await trainDenseDemo(corpus, {
    outDir: arg('out') ?? 'public/models/genir-demo-dense',
    epochs: number('epochs'),
    temperature: number('temperature'),
    hardNegatives: process.argv.includes('--hard-negatives') || undefined,
  });
} else {
  await trainGenerativeDemo(corpus);
}

async function trainGenerativeDemo(corpus: Corpus): Promise<void> {
  const outDir = arg('out') ?? 'public/models/genir-demo';
  const epochs = Number(arg('epochs') ?? DEMO_TRAIN_CONFIG.epochs);
  const noQueries = process.argv.includes('--doc-only');
  const config = {
    ...DEMO_TRAIN_CONFIG,
    epochs,
    // ablation: indexing examples only, no real or pseudo queries
    data: noQueries
      ? {
          ...DEMO_TRAIN_CONFIG.data,
          mix: { indexing: DEMO_TRAIN_CONFIG.data.mix.indexing, queries: 0, pseudo: 0 },
        }
      : DEMO_TRAIN_CONFIG.data,
  };
  console.log(
    `backend ${tf.getBackend()}, ${corpus.docs.length} docs, ${epochs} epochs${noQueries ? ' (doc-only ablation)' : ''}`,
  );
  const started = Date.now();
  const trained = await trainDsi(corpus, config, {
    ...consoleProgress(),
    onPrepared: (p) =>
      console.log(
        `params ${p.parameters}, examples ${JSON.stringify(p.examples)}, docids ${p.docidScheme} (tgtLen ${p.tgtLen}), vocab ${p.srcVocab}`,
      ),
  });
  const final = trained.history.evals.at(-1);
  console.log(
    `done in ${Math.round((Date.now() - started) / 1000)} s; ${trained.speed.examplesPerSec.toFixed(1)} ex/s`,
  );

  mkdirSync(outDir, { recursive: true });
  const { model } = trained.retriever;
  const files = await exportDsiCheckpoint(
    trained.retriever,
    toDocidsFile(
      corpus.docs.map((d) => d.id),
      trained.prepared.assignment,
    ),
    {
      config: {
        corpus: corpus.name,
        training: config,
        examples: trained.prepared.counts,
        backend: tf.getBackend(),
      },
      metrics: {
        split: config.evalSplit,
        queries: final?.queries ?? 0,
        ...(final?.metrics ?? {}),
        trainSeconds: Math.round(trained.speed.seconds),
        examplesPerSec: Number(trained.speed.examplesPerSec.toFixed(1)),
        finalLoss: trained.history.losses.at(-1),
      } as unknown as Record<string, number>,
    },
  );
  const write = (name: string, value: unknown) =>
    writeFileSync(join(outDir, name), JSON.stringify(value) + '\n');
  writeFileSync(join(outDir, 'weights.bin'), files.weights);
  write('model.json', files.manifest);
  write('tokenizer.json', files.tokenizer);
  write('docids.json', files.docids);
  write('config.json', files.config);
  write('metrics.json', files.metrics);
  // the page downloads these before its first answer: half the bytes (--float32 keeps them whole)
  if (!process.argv.includes('--float32')) halveCheckpointDir(outDir);
  console.log(`wrote ${outDir}`);
  disposeSeq2Seq(model);
}
