// npm run train:demo — train the default DSI model on the built-in corpus, headless (Node, TF.js
// wasm backend), and write the checkpoint the page loads at start-up to public/models/genir-demo/.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBeirFolder } from '../bench/readBeir';
import { exportWeights } from '../src/models/checkpoint';
import { disposeSeq2Seq, parameterCount } from '../src/models/seq2seq';
import { DEMO_TRAIN_CONFIG } from '../src/models/train/presets';
import { trainDsi } from '../src/models/train/trainDsi';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const corpusDir = arg('corpus') ?? 'public/corpora/genir-demo';
const outDir = arg('out') ?? 'public/models/genir-demo';
const epochs = Number(arg('epochs') ?? DEMO_TRAIN_CONFIG.epochs);
const noQueries = process.argv.includes('--doc-only');

await tf.setBackend(arg('backend') ?? 'wasm');
await tf.ready();
const corpus = readBeirFolder(corpusDir);
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
let lastLog = 0;
const trained = await trainDsi(corpus, config, {
  onStage: (s) => console.log(s),
  onPrepared: (p) =>
    console.log(
      `params ${p.parameters}, examples ${JSON.stringify(p.examples)}, docids ${p.docidScheme} (tgtLen ${p.tgtLen}), vocab ${p.srcVocab}`,
    ),
  onProgress: (p) => {
    if (Date.now() - lastLog > 10_000 || p.step === p.totalSteps) {
      lastLog = Date.now();
      console.log(
        `step ${p.step}/${p.totalSteps} epoch ${p.epoch.toFixed(2)} loss ${p.loss.toFixed(4)} ${p.examplesPerSec.toFixed(1)} ex/s eta ${Math.round(p.etaSec)} s`,
      );
    }
  },
  onEval: (e) =>
    console.log(`eval epoch ${e.epoch}: ${JSON.stringify(e.metrics)} on ${e.queries} queries`),
});
const final = trained.history.evals.at(-1);
console.log(
  `done in ${Math.round((Date.now() - started) / 1000)} s; ${trained.speed.examplesPerSec.toFixed(1)} ex/s`,
);

mkdirSync(outDir, { recursive: true });
const { model } = trained.retriever;
const { table, bytes } = await exportWeights(model);
const write = (name: string, value: unknown) =>
  writeFileSync(join(outDir, name), JSON.stringify(value) + '\n');
writeFileSync(join(outDir, 'weights.bin'), bytes);
write('model.json', {
  format: 'genir-dsi-1',
  config: model.config,
  parameters: parameterCount(model),
  weights: table,
});
write('tokenizer.json', trained.prepared.tokenizer.toJSON());
write('docids.json', {
  scheme: trained.prepared.assignment.scheme,
  params: trained.prepared.assignment.params,
  docids: Object.fromEntries(
    corpus.docs.map((d, i) => [d.id, trained.prepared.assignment.docids[i]]),
  ),
  clusterTerms: trained.prepared.assignment.clusterTerms ?? {},
});
write('config.json', {
  corpus: corpus.name,
  training: config,
  examples: trained.prepared.counts,
  backend: tf.getBackend(),
});
write('metrics.json', {
  split: config.evalSplit,
  queries: final?.queries ?? 0,
  ...(final?.metrics ?? {}),
  trainSeconds: Math.round(trained.speed.seconds),
  examplesPerSec: Number(trained.speed.examplesPerSec.toFixed(1)),
  finalLoss: trained.history.losses.at(-1),
});
console.log(`wrote ${outDir}`);
disposeSeq2Seq(model);
