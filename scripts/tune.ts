// npm run tune -- [--dataset DIR] [--preset demo|large] [--set path=JSON …] [--label NAME]
// Train a generative model headless (Node, TF.js wasm) and score it on the DEV split only: the
// tool for choosing settings. Test figures come from `npm run bench` alone. One JSON line per run
// is appended to bench/.cache/tune.jsonl (not committed) so runs can be compared.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { appendFileSync, mkdirSync } from 'node:fs';
import { readBeirFolder } from '../bench/readBeir';
import { SPLITS } from '../src/core/eval/devSplit';
import { disposeSeq2Seq } from '../src/models/seq2seq';
import { DEMO_TRAIN_CONFIG, LARGE_CORPUS_CONFIG } from '../src/models/train/presets';
import { evaluateRetriever, trainDsi, type DsiTrainConfig } from '../src/models/train/trainDsi';
import { consoleProgress } from './consoleProgress';
import { withSetting } from './withSetting';
import { keptQuestions } from './keptQuestions';

const args = process.argv.slice(2);
const values = (name: string) =>
  args.flatMap((a, i) => (a === `--${name}` && i + 1 < args.length ? [args[i + 1]] : []));
const arg = (name: string) => values(name).at(-1);

const dataset = arg('dataset') ?? 'public/corpora/genir-demo';
const preset = arg('preset') ?? 'demo';
let config: DsiTrainConfig = preset === 'large' ? LARGE_CORPUS_CONFIG : DEMO_TRAIN_CONFIG;
for (const setting of values('set')) config = withSetting(config, setting);
config = { ...config, evalSplit: SPLITS.dev };

await tf.setBackend('wasm');
await tf.ready();
const corpus = readBeirFolder(dataset);
const started = performance.now();
// --generated: DSI-QG's learned questions (classroom generator, 5 per document, BM25 rank ≤ 10)
const generated = args.includes('--generated') ? await keptQuestions(corpus) : undefined;
const trained = await trainDsi(corpus, config, consoleProgress(), undefined, { generated });
const seconds = (performance.now() - started) / 1000;
const dev = await evaluateRetriever(trained.retriever, corpus, SPLITS.dev, 100_000, 1);
disposeSeq2Seq(trained.retriever.model);
const line = {
  label: arg('label') ?? values('set').join(' '),
  dataset: corpus.name,
  split: SPLITS.dev,
  queries: dev.queries,
  ...Object.fromEntries(Object.entries(dev.metrics).map(([k, v]) => [k, Number(v.toFixed(4))])),
  seconds: Math.round(seconds),
  examplesPerSec: Math.round(trained.speed.examplesPerSec),
  sets: values('set'),
  generated: generated?.length ?? 0,
  preset,
};
console.log(JSON.stringify(line));
mkdirSync('bench/.cache', { recursive: true });
appendFileSync('bench/.cache/tune.jsonl', JSON.stringify(line) + '\n');
