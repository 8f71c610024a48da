import { existsSync } from 'node:fs';
import { ANN_SETUP, benchAnn } from './ann.bench';
import { ANSERINI_FLAT, benchBM25 } from './bm25.bench';
import { startPageSession, type PageSession } from './browser';
import { benchCorpusLoad } from './corpusLoad.bench';
import { benchDenseLarge } from './denseLarge.bench';
import { benchInspectorFrames } from './inspectorFrames.bench';
import { benchMethods } from './methods.bench';
import { benchFirstAnswer } from './firstAnswer.bench';
import { benchIndexRun } from './indexRun.bench';
import { benchTrainSpeed } from './trainSpeed.bench';
import { benchGenerative } from './generative.bench';
import { benchAblation, DEFAULT_ABLATION_SAMPLE } from './ablation.bench';
import { benchSealIndex } from './sealIndex.bench';
import { DEMO_TRAIN_CONFIG, LARGE_CORPUS_CONFIG } from '../src/models/train/presets';
import { readBeirFolder, withoutTrainQueries } from './readBeir';
import { benchBackendProbe } from './backendProbe.bench';
import { markdownTable, writeResults, type BenchRow } from './results';
import { DOCID_SCHEMES, type DocidSchemeName } from '../src/core/docids/registry';

/**
 * npm run bench [-- --dataset DIR ...] [--split test] [--suite bm25|page|speed|generative|ann|inspector|methods|dense-large ...]
 *   [--epochs N] [--dense-epochs N]
 * With no --dataset: the built-in corpus, and SciFact when ../shared/datasets/scifact exists.
 * Suites: bm25 (quality and speed against MiniSearch), page (the built app in headless Chromium),
 * speed (training examples/s per TF.js backend and PyTorch on the same config),
 * ann (HNSW recall@10 and latency against exact search on 20k random unit vectors),
 * inspector (frame intervals while stepping through the beam-search inspector in the page),
 * methods (generative, dense, BM25 and their fusion on the same queries: quality, latency, memory),
 * ablation (docid scheme × indexing strategy, same model and example budget per row; hours),
 * seal-index (SEAL's n-gram index built in the page's worker: time and bytes per corpus token),
 * probe (the page's backend probe as a first visitor gets it: each backend's step times),
 * dense-large (the dense retriever trained on 50,000 documents in the page: main-thread long tasks).
 * --no-train-queries: collections are read with their train split ignored (pseudo-queries only).
 * --budget N: training examples per ablation row (default: 32,000 on the built-in corpus, 30,000
 *   elsewhere, where only atomic and semantic docids are run).
 * --scheme NAME (repeatable) and --rungs N: the ablation for these docid schemes only and its first
 *   N rungs, written to results/ablation-<schemes>.md (e.g. --scheme seal --scheme naive --rungs 3).
 */
const SUITES = [
  'bm25',
  'page',
  'speed',
  'generative',
  'ann',
  'inspector',
  'methods',
  'ablation',
  'seal-index',
  'probe',
  'dense-large',
];
function parseArgs(argv: string[]) {
  const datasets: string[] = [];
  const suites: string[] = [];
  let split = 'test';
  let epochs: number | undefined;
  let denseEpochs: number | undefined;
  let noTrainQueries = false;
  let budget: number | undefined;
  const schemes: DocidSchemeName[] = [];
  let rungs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dataset') datasets.push(argv[++i]);
    else if (argv[i] === '--split') split = argv[++i];
    else if (argv[i] === '--suite' && SUITES.includes(argv[i + 1])) suites.push(argv[++i]);
    else if (argv[i] === '--epochs') epochs = Number(argv[++i]);
    else if (argv[i] === '--dense-epochs') denseEpochs = Number(argv[++i]);
    else if (argv[i] === '--no-train-queries') noTrainQueries = true;
    else if (argv[i] === '--budget') budget = Number(argv[++i]);
    else if (argv[i] === '--scheme' && argv[i + 1] in DOCID_SCHEMES)
      schemes.push(argv[++i] as DocidSchemeName);
    else if (argv[i] === '--rungs') rungs = Number(argv[++i]);
    else
      throw new Error(
        `unknown argument ${argv[i]} (expected --dataset DIR, --split NAME, --suite ${SUITES.join('|')}, --epochs N, --dense-epochs N, --no-train-queries, --budget N, --scheme ${Object.keys(DOCID_SCHEMES).join('|')}, --rungs N)`,
      );
  }
  if (datasets.length === 0) {
    datasets.push('public/corpora/genir-demo');
    if (existsSync('../shared/datasets/scifact')) datasets.push('../shared/datasets/scifact');
  }
  return {
    datasets,
    split,
    epochs,
    denseEpochs,
    noTrainQueries,
    budget,
    schemes,
    rungs,
    suites: suites.length ? suites : SUITES,
  };
}

function referenceNotes(rows: BenchRow[]): string[] {
  const notes: string[] = [];
  for (const row of rows.filter((r) => r.method === 'BM25 (ours)')) {
    const ref = ANSERINI_FLAT[row.dataset];
    if (!ref) continue;
    for (const [metric, published] of Object.entries(ref)) {
      const ours = row.metrics[metric];
      const diff = ours - published;
      notes.push(
        `- ${row.dataset} ${metric}: ours ${ours.toFixed(4)} vs Anserini BM25 flat ${published.toFixed(4)} (diff ${diff >= 0 ? '+' : ''}${diff.toFixed(4)}, ${Math.abs(diff) <= 0.01 ? 'within' : 'OUTSIDE'} ±0.01)`,
      );
    }
  }
  for (const dataset of new Set(rows.map((r) => r.dataset))) {
    const mine = rows.find((r) => r.dataset === dataset && r.method === 'BM25 (ours)');
    const mini = rows.find((r) => r.dataset === dataset && r.method === 'MiniSearch');
    if (!mine || !mini) continue;
    const share = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
    notes.push(
      `- ${dataset}, ours ÷ MiniSearch time (same run, same analyzer; below 1 = ours faster): index build ${share(mine.timing.indexBuildMs, mini.timing.indexBuildMs)}, query p50 ${share(mine.timing.queryP50Ms, mini.timing.queryP50Ms)}, query p95 ${share(mine.timing.queryP95Ms, mini.timing.queryP95Ms)}`,
    );
  }
  return notes;
}

/** A suite that serves dist/ to headless Chromium: checks the build is there, always closes. */
async function withPageSession<T>(suite: string, run: (session: PageSession) => Promise<T>) {
  if (!existsSync('dist/index.html'))
    throw new Error(`the ${suite} suite serves dist/: run \`npx vite build\` first`);
  const session = await startPageSession();
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

const { datasets, split, epochs, denseEpochs, noTrainQueries, budget, schemes, rungs, suites } =
  parseArgs(process.argv.slice(2));
if (suites.includes('bm25')) {
  const rows: BenchRow[] = [];
  for (const dir of datasets) {
    const corpus = readBeirFolder(dir);
    console.log(`${corpus.name}: ${corpus.docs.length} docs, ${corpus.queries.length} queries`);
    rows.push(...benchBM25(corpus, split));
  }
  const notes = referenceNotes(rows);
  console.log(markdownTable(rows));
  console.log(notes.join('\n'));
  writeResults('bm25', rows, [
    'Timings in milliseconds; query latency includes analysis and top-100 selection.',
    '',
    ...notes,
  ]);
}
if (suites.includes('page')) {
  await withPageSession('page', async (session) => {
    const rows = [
      await benchFirstAnswer(session),
      await benchFirstAnswer(session, 5, undefined, true),
      await benchFirstAnswer(session, 5, undefined, true, true),
      await benchCorpusLoad(session),
      await benchIndexRun(session),
    ];
    console.log(markdownTable(rows));
    writeResults('page', rows, [
      "First answer: navigation start → first generative result in the page, fresh browser context (cold cache) per run, served from localhost, the query typed in the frame the query box appears in (queryTypedP50Ms: when the page saw the typing); read by the page's own clock (a MutationObserver records when the first result of each method enters the page). driverSeenP50Ms: the same moment as the benchmark's driver saw it (Playwright polls for elements with growing pauses, so this column runs a few hundred ms late; the runs before this column existed reported only this way). The returning-visitor row's contexts hold what an earlier visit's backend probe kept in localStorage (wasm, what it measures on this machine), so the engine starts wasm and runs no probe; the first row's contexts start empty (a first visit: the engine starts on wasm without asking for a GPU adapter, and the probe starts 3 s after it is up). The row marked ?q= is a returning visitor opening a link that carries the question (the app searches it once it is up; nothing is typed, so no driver latency is in it).",
      'Indexing run: the Index panel with its default settings on the built-in corpus, pressed Index → Done (data preparation, training and the periodic held-out evaluations included), on the backend the page picked. saveMs: Done → the trained model listed in the Saved view (weights exported from the worker and written to IndexedDB); savedMegabytes: its size there; reloadToFirstAnswerMs: a reload with a query in the URL → the first answer of the restored model (read from IndexedDB, no training).',
      "Corpus load: a 50,000-document (~50 MB) corpus.jsonl loaded through the file picker, in a fresh context (a first visit: the backend probe, due 3 s after the engine is up, gives way to the load). loadMs: the page's clock, from the file input's change event to the header naming the new corpus; driverSeenMs: the driver's, from setInputFiles to Playwright seeing that header (runs before 2026-12-02 reported only this). longTasks: main-thread tasks over 50 ms during the load (PerformanceObserver); parsing and BM25 indexing run in a worker.",
    ]);
  });
}
if (suites.includes('dense-large')) {
  await withPageSession('dense-large', async (session) => {
    const rows = [await benchDenseLarge(session)];
    console.log(markdownTable(rows));
    writeResults('dense-large', rows, [
      'A 50,000-document synthetic corpus.jsonl (~50 MB, the page suite’s) loaded through the file picker, then the Index panel: Dense (dual encoder), the Tiny preset, 1 epoch, Train dense retriever → Done. Training, the held-out evaluation and the encoding of all 50,000 documents run in the engine’s worker. longTasks: main-thread tasks over 50 ms from the press to Done (PerformanceObserver); wallSeconds: press → Done as the driver saw it.',
    ]);
  });
}
if (suites.includes('speed')) {
  const session = await startPageSession();
  try {
    const rows = await benchTrainSpeed(session);
    console.log(markdownTable(rows));
    writeResults('train-speed', rows, [
      'Training speed of the classroom default model on random token ids (same shapes as ../shared/reference/torch_seq2seq_speed.py), all on this machine in one run. ratioToPyTorch = examples/s ÷ PyTorch examples/s (the faster of 1 thread and all cores), on the same model only: the reference script cannot build the classroom model’s zero encoder layers (nn.Transformer raises IndexError), so PyTorch and the rows marked "PyTorch’s config" train it with one encoder layer. ratioToOneWasmThread = examples/s ÷ the wasm backend on one thread in one worker (?threads=1&workers=1) on the same model; the wasm rows name their thread count and, where several workers share each batch (data-parallel, the page’s default), how many. “two pages at once” trains on two pages at the same time, each on one thread in one worker, and adds their examples/s: what this machine gives two busy threads, the most any 2-way sharing could reach. webgpu/webgl here run on SwiftShader, a CPU emulation of a GPU. peakMemoryMB is the engine’s own part of a step; each helper worker holds about as much again for its part.',
    ]);
  } finally {
    await session.close();
  }
}
if (suites.includes('generative')) {
  const rows: BenchRow[] = [];
  for (const dir of datasets) {
    const corpus = readBeirFolder(dir);
    const checkpoint = `public/models/${corpus.name}`;
    rows.push(
      ...(await benchGenerative(corpus, split, existsSync(checkpoint) ? checkpoint : null, epochs)),
    );
  }
  console.log(markdownTable(rows));
  writeResults('generative', rows, [
    "Generative retrieval (DSI) on each collection's test queries, decoded with beam search over the docid trie (at most 10 results, so Recall@100 counts the top 10). Latency: one query at a time, TF.js wasm backend in Node, one thread. BM25 on the same queries is in bm25.md.",
  ]);
}
if (suites.includes('ann')) {
  const rows = benchAnn();
  console.log(markdownTable(rows));
  writeResults('ann', rows, [
    `Approximate nearest neighbours: our HNSW (src/core/dense/hnsw.ts) against exact inner-product search (src/core/dense/exactTopK.ts) on ${ANN_SETUP.docs} seeded random unit vectors (d = ${ANN_SETUP.dim}) and ${ANN_SETUP.queries} random unit queries. Recall@10 = mean over queries of |HNSW top 10 ∩ exact top 10| / 10. Latency: one query at a time, all methods interleaved query by query (so load from other processes falls on all alike), median of 3 runs per query, then p50/p95 over queries, in ms; buildS = seconds to insert all vectors, single-threaded. speedupP50 = exact p50 ÷ HNSW p50.`,
    'Uniform random directions in 64-d are the hard case for graph search (no clusters, nearly equal distances); learned embeddings usually have lower intrinsic dimension and should be easier, but that is not measured here.',
  ]);
}
if (suites.includes('inspector')) {
  await withPageSession('inspector', async (session) => {
    const rows = [await benchInspectorFrames(session)];
    console.log(markdownTable(rows));
    writeResults('inspector', rows, [
      'Frame intervals (requestAnimationFrame, ms) in headless Chromium while the beam-search inspector is stepped forward and back with the arrow keys, 120 ms between presses, beam 20 with every pruned branch drawn. framesOver25Ms counts frames that missed the 60 Hz budget by half a frame or more; keyPressesOver16Ms counts key presses whose input-to-paint time (Event Timing API) was 16 ms or more (the API reports no faster ones), keyToPaintP50Ms their median; keyHandlerP50Ms / keyHandlerMaxMs the time in the key handler, where React renders and commits the step synchronously; longTasks are main-thread tasks over 50 ms.',
    ]);
  });
}
if (suites.includes('methods')) {
  const rows: BenchRow[] = [];
  for (const dir of datasets) {
    const read = readBeirFolder(dir);
    const corpus = noTrainQueries ? withoutTrainQueries(read, split) : read;
    rows.push(
      ...(await benchMethods(corpus, split, {
        generative: epochs ?? LARGE_CORPUS_CONFIG.epochs,
        dense: denseEpochs ?? 10,
      })),
    );
    console.log(markdownTable(rows.filter((r) => r.dataset === corpus.name)));
  }
  writeResults(noTrainQueries ? 'methods-no-train-queries' : 'methods', rows, [
    "Generative (DSI, beam 10), dense (dual encoder, exact inner-product search) and BM25 on each collection's judged queries, and their reciprocal rank fusion (k = 60, equal weights, top 100). Shipped checkpoints where they exist (the built-in corpus); otherwise models trained here for the epochs in config (--epochs, default LARGE_CORPUS_CONFIG.epochs = 12, and --dense-epochs, default 10); the generative model returns its 10 beam results, so its Recall@100 is its Recall@10; a second fusion row fuses generative and BM25 only. Latency: one query at a time, TF.js wasm backend in Node, one thread; fusion's is the sum of its parts. memoryBytes: float32 parameters (generative), parameters + the document embedding matrix (dense), postings + norms + vocabulary (BM25), the sum (fusion). trainExamplesPerSec: training pairs (dense) or examples (generative) per second over the run. Generative (SEAL n-grams): always trained here, not fused, with docid scheme seal on the collection's preset and a fixed budget of training examples (config.examplesTrained; the built-in corpus: the classroom preset, 30,000 examples, about the 6 epochs chosen on its dev split; larger collections: LARGE_CORPUS_CONFIG, 200,000 examples, about the DSI row's 12 epochs on SciFact); beam 10, documents ranked by SEAL's intersective scoring of the n-grams the beams held; its memoryBytes adds the suffix array.",
  ]);
}
if (suites.includes('ablation')) {
  const rows: BenchRow[] = [];
  for (const dir of datasets) {
    const corpus = readBeirFolder(dir);
    const builtin = corpus.name === 'genir-demo';
    rows.push(
      ...(await benchAblation(corpus, split, {
        base: DEMO_TRAIN_CONFIG,
        // larger collections: the two schemes that matter most, so the suite ends in about an hour
        schemes:
          schemes.length > 0
            ? schemes
            : builtin
              ? ['atomic', 'semantic', 'naive', 'text']
              : ['atomic', 'semantic'],
        budgetExamples: budget ?? (builtin ? 32_000 : 30_000),
        noTrainQueries,
        sample: DEFAULT_ABLATION_SAMPLE,
        rungs,
      })),
    );
    console.log(markdownTable(rows.filter((r) => r.dataset.startsWith(corpus.name))));
  }
  // a run at another budget gets its own file, so it does not overwrite the default budget's table
  const name = [
    'ablation',
    ...(noTrainQueries ? ['no-train-queries'] : []),
    ...schemes,
    ...(budget !== undefined ? [`budget${budget}`] : []),
  ].join('-');
  writeResults(name, rows, [
    `Generative retrieval ablation on each collection's ${split} queries, reported once. Every row trains the classroom model (DEMO_TRAIN_CONFIG's shape and optimiser) from scratch on the same number of training examples (config.examplesTrained: whole epochs, the last one cut where the budget ends; rows whose config has no examplesTrained were run before that cut and trained round(budget ÷ examplesPerEpoch) whole epochs), then decodes with beam 10. Rungs are cumulative: doc-only DSI (document → docid) → + the collection's training queries → + rule-based pseudo-queries drawn anew every epoch → + the learned query generator's questions (DSI-QG, 5 per document, unfiltered) → + DSI-QG's filter (kept when BM25 ranks the question's own document in its top 10) → + 2 epochs of CorpusBrain-style pre-training → + distillation from BM25's top 20 (λ = 1, τ = 0.1). Budget per row: 32,000 training examples on the built-in corpus (four schemes); 30,000 on larger collections, where only atomic and semantic docids run (unless --budget says otherwise). Settings were chosen on the dev split (npm run tune); this table is the test split. Latency: one query at a time, TF.js wasm in Node, one thread. memoryBytes: float32 parameters, plus SEAL's n-gram index. SEAL rows (seal docids): no docid is assigned; the model writes n-grams of the documents (at most 8 subwords, starting at a word) under a suffix array of the corpus, and documents are ranked by SEAL's intersective scoring of the n-grams they hold (α 2, β 0.8, smoothing 5); training targets are spans of the relevant document (and its title) instead of docids, and a document's own examples read a window of srcLen of its tokens and ask for a span inside it, and the pre-training and distillation rungs do not apply to it (they train as the rung before). indexBuildMs: building the suffix array over the corpus's corpusTokens subwords in Node (median of 3 builds); indexBytesPerToken: the index's typed arrays ÷ corpus tokens.`,
  ]);
}
if (suites.includes('seal-index')) {
  await withPageSession('seal-index', async (session) => {
    const rows = await benchSealIndex(session, datasets.map(readBeirFolder));
    console.log(markdownTable(rows));
    writeResults('seal-index', rows, [
      "SEAL's n-gram index built in the page's engine worker (headless Chromium, served from localhost), as a SEAL training run or a saved SEAL model's load builds it. tokenizeMs: every document (title + text) encoded in the collection's subwords (the tokenizer is trained first, untimed: classroom settings, 4,000 pieces, on the built-in corpus; 8,000 elsewhere); suffixArrayMs: the suffix array (SA-IS) and document table over them; median of 3 builds. bytesPerToken: the index's typed arrays (the text, its suffix array, document starts) ÷ corpus tokens.",
    ]);
  });
}
if (suites.includes('probe')) {
  await withPageSession('probe', async (session) => {
    const rows = await benchBackendProbe(session);
    console.log(markdownTable(rows));
    writeResults('backend-probe', rows, [
      "The page's backend probe (src/models/backendProbe.ts) as a first visitor gets it: a fresh browser context, the page opened, and the figures it keeps in localStorage once done. In its own worker it times, on each backend that starts, one training step of the classroom model (batch 32, Adam) and one beam-search decoding step (10 beams, log-probs read back): one untimed step of each, then the median of up to 3 (1 once a step is 5 × the fastest backend's). cost = trainStepMs + 8 × decodeStepMs; the lowest is chosen and the engine moves to it. openToProbeDoneMs: page open → figures kept (the probe starts 3 s after the engine is up). webgpu/webgl here run on SwiftShader, a CPU emulation of a GPU.",
    ]);
  });
}
