import type { Corpus } from '../../core/corpus/types';
import { docText } from '../../core/corpus/docText';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../../core/decode/beamSearch';
import { atomicFitProblem } from '../../core/docids/atomic';
import {
  bm25Teacher,
  withTeacherTargets,
  type SoftTarget,
  type Teacher,
} from '../../core/dsi/distill';
import { lengthBuckets, makeBatch, planBatches, type DsiExample } from '../../core/dsi/examples';
import { prepareDsi, type PreparedDsi } from '../../core/dsi/prepare';
import { evaluateRun } from '../../core/eval/metrics';
import type { Run } from '../../core/eval/types';
import { createRandom, shuffled } from '../../core/random';
import { createRetriever, retrieve, type DsiRetriever } from '../dsiRetriever';
import { sealOptions } from '../docidSearch';
import { createSeq2Seq, disposeSeq2Seq, initOutputRows, parameterCount } from '../seq2seq';
import type { DsiTrainConfig } from './config';
import { TrainControl, type EvalPoint, type TrainProgress } from './control';
import { createOptimizer } from './optimizers';
import { runTrainingLoop, type LoopOutcome } from './trainLoop';
import type { SharingChoice } from './sharingTrial';
import { trainStep, type ShareTraining, type SharedTraining, type StepFn } from './trainStep';

export type { DsiModelShape, DsiTrainConfig } from './config';
export { DEFAULT_DSI_TRAIN } from './config';
export { TrainControl, type EvalPoint, type TrainProgress } from './control';

export interface TrainCallbacks {
  onStage?(stage: string): void;
  onPrepared?(info: {
    parameters: number;
    examples: PreparedDsi['counts'];
    docidScheme: string;
    tgtLen: number;
    srcVocab: number;
  }): void;
  onProgress?(p: TrainProgress): void;
  onEval?(e: EvalPoint): void;
}

export interface TrainedDsi {
  retriever: DsiRetriever;
  prepared: PreparedDsi;
  history: { losses: number[]; evals: EvalPoint[] };
  /** examples trained on after pre-training (what `maxExamples` caps) */
  examplesTrained: number;
  /** training speed over the whole run (pre-training included), evaluation time excluded */
  speed: {
    examplesPerSec: number;
    tokensPerSec: number;
    seconds: number;
    workers: number;
    /** whether sharing each batch measured faster than one worker (sharingTrial.ts) */
    sharing: SharingChoice | null;
    /** local SGD's batches between averagings (localSgd.ts); undefined: batches were shared */
    localSgdPeriod?: number;
  };
  cancelled: boolean;
}

/** What a training run may be given beside the corpus and the config. */
export interface TrainDsiInputs {
  /**
   * dense document embeddings in corpus order: semantic docids cluster them (data.docidVectors
   * 'dense'); atomic docids may start their output rows from them (docidParams.initFromDense)
   */
  vectors?: readonly Float32Array[];
  /** the dense retriever as a distillation teacher (data.distill.teacher 'dense') */
  denseTeacher?: Teacher;
  /** the learned query generator's kept queries (DSI-QG) */
  generated?: readonly { text: string; doc: number }[];
  /**
   * share each step's batch with other workers (data-parallel, models/train/dataParallel.ts);
   * null: this worker trains alone
   */
  share?: ShareTraining;
}

/** Hits@1, Hits@10 and MRR@10 of the retriever on up to `limit` queries of `split`. */
export async function evaluateRetriever(
  r: DsiRetriever,
  corpus: Corpus,
  split: string,
  limit: number,
  seed: number,
): Promise<{ queries: number; metrics: Record<string, number> }> {
  const qrels = corpus.qrels[split];
  if (!qrels) return { queries: 0, metrics: {} };
  const judged = corpus.queries.filter((q) => qrels.has(q.id));
  const sample = shuffled(judged, createRandom(seed)).slice(0, limit);
  const run: Run = new Map();
  for (const q of sample) {
    const out = await retrieve(r, q.text, {
      ...DEFAULT_BEAM_SEARCH_PARAMS,
      beamSize: 10,
      topK: 10,
    });
    run.set(
      q.id,
      out.results
        .filter((x) => x.doc !== undefined)
        .map((x) => ({ docId: corpus.docs[x.doc!].id, score: x.score })),
    );
  }
  const subset = new Map(sample.map((q) => [q.id, qrels.get(q.id)!]));
  return {
    queries: sample.length,
    metrics: evaluateRun(subset, run, ['Hits@1', 'Hits@10', 'MRR@10']).mean,
  };
}

/** Prepare the data, build the model and train it, reporting progress; the caller disposes the model. */
export async function trainDsi(
  corpus: Corpus,
  config: DsiTrainConfig,
  cb: TrainCallbacks = {},
  control = new TrainControl(),
  inputs: TrainDsiInputs = {},
): Promise<TrainedDsi> {
  if (config.data.docidScheme === 'atomic') {
    const problem = atomicFitProblem(corpus.docs.length, config.model.dModel);
    if (problem) throw new Error(problem);
  }
  const prepared = prepareDsi(corpus, config.data, {
    onStage: cb.onStage,
    vectors: inputs.vectors,
    generated: inputs.generated,
  });
  const seed = config.data.seed;
  const { docids, vocab } = prepared.assignment;
  const model = createSeq2Seq({
    ...config.model,
    srcVocab: prepared.tokenizer.vocabSize,
    tgtVocab: vocab.size,
    srcLen: config.data.srcLen,
    tgtLen: prepared.tgtLen,
    seed,
  });
  if (config.data.docidScheme === 'atomic' && config.data.docidParams.initFromDense === true) {
    if (!inputs.vectors)
      throw new Error('document rows from dense embeddings need a dense retriever');
    initOutputRows(model, inputs.vectors);
  }
  const seal = sealOptions(prepared.assignment);
  if (seal) cb.onStage?.('Building the n-gram index (suffix array)');
  const retriever = createRetriever(model, prepared.tokenizer, docids, vocab, seal);
  cb.onPrepared?.({
    parameters: parameterCount(model),
    examples: prepared.counts,
    docidScheme: prepared.assignment.scheme,
    tgtLen: prepared.tgtLen,
    srcVocab: prepared.tokenizer.vocabSize,
  });

  const optimizer = createOptimizer(config.optimizer);
  const distill = config.data.distill;
  // distillation teaches the first docid token; SEAL's n-grams have no such token
  const teacher =
    !distill || distill.teacher === 'none' || distill.weight <= 0 || seal
      ? null
      : distill.teacher === 'bm25'
        ? bm25Teacher(corpus.docs.map(docText))
        : inputs.denseTeacher;
  if (distill && distill.teacher === 'dense' && distill.weight > 0 && !teacher && !seal)
    throw new Error('distillation from the dense model needs a dense retriever for this corpus');
  const targets = new Map<string, SoftTarget | null>();
  let shared: SharedTraining | null;
  try {
    shared = (await inputs.share?.(model, config.optimizer)) ?? null;
  } catch (e) {
    optimizer.dispose();
    disposeSeq2Seq(model);
    throw e;
  }
  const step: StepFn =
    shared?.step ?? ((batch, lr, weight) => trainStep(model, optimizer, batch, lr, weight));
  const buckets = lengthBuckets(config.data.srcLen);
  const random = createRandom(seed);
  const batchesOf = async (examples: DsiExample[]) => {
    const taught =
      teacher && distill
        ? await withTeacherTargets(examples, teacher, docids, distill, targets)
        : examples;
    return planBatches(taught, config.batchSize, buckets, random);
  };
  const stepsOf = (examples: DsiExample[]) =>
    planBatches(examples, config.batchSize, buckets, createRandom(seed)).length;
  const task = {
    // batches are packed one at a time: teacher rows span the whole output vocabulary
    step: async (plan: { examples: DsiExample[]; srcLen: number }, lr: number) => {
      const batch = makeBatch(plan.examples, docids, plan.srcLen, prepared.tgtLen, vocab);
      const weight = teacher ? (distill?.weight ?? 0) : 0;
      const loss = await step(batch, lr, weight);
      return { loss, examples: batch.size, tokens: batch.tokens };
    },
  };

  const runs: LoopOutcome[] = [];
  try {
    const pretrainEpochs = config.data.pretrainEpochs ?? 0;
    if (pretrainEpochs > 0 && prepared.pretrainExamples.length > 0) {
      // CorpusBrain: the corpus's own sentences → docids, before any query is seen
      cb.onStage?.('Pre-training on the corpus (CorpusBrain)');
      runs.push(
        await runTrainingLoop(
          { ...task, batchesOf: () => batchesOf(prepared.pretrainExamples) },
          {
            epochs: pretrainEpochs,
            lr: config.lr,
            stepsPerEpoch: stepsOf(prepared.pretrainExamples),
            evalEveryEpochs: 0,
            evaluateLast: false,
          },
          { onProgress: cb.onProgress },
          control,
        ),
      );
    }
    cb.onStage?.('Training');
    const stepsPerEpoch = stepsOf(prepared.examples);
    runs.push(
      await runTrainingLoop(
        {
          ...task,
          batchesOf: (epoch) => batchesOf(prepared.examplesOf(epoch)),
          evaluate: async (epoch, step) => {
            // local SGD: the copies' average is the model evaluated
            await shared?.sync?.();
            const res = await evaluateRetriever(
              retriever,
              corpus,
              config.evalSplit,
              config.evalQueries,
              seed,
            );
            return res.queries > 0 ? { step, epoch, ...res } : null;
          },
        },
        {
          epochs: config.epochs,
          lr: config.lr,
          stepsPerEpoch,
          evalEveryEpochs: config.evalEveryEpochs,
          evaluateLast: true,
          // the budget in steps, at the first epoch's examples per step
          maxSteps:
            config.maxExamples === undefined
              ? undefined
              : Math.ceil(
                  (config.maxExamples * stepsPerEpoch) / Math.max(1, prepared.examples.length),
                ),
        },
        cb,
        control,
      ),
    );
  } catch (e) {
    disposeSeq2Seq(model);
    throw e;
  } finally {
    optimizer.dispose();
    await shared?.done();
  }
  return {
    retriever,
    prepared,
    examplesTrained: runs.at(-1)?.examples ?? 0,
    history: {
      losses: runs.flatMap((r) => r.losses),
      evals: runs.flatMap((r) => r.evals),
    },
    speed: {
      ...combinedSpeed(runs),
      workers: shared?.workers ?? 1,
      sharing: shared?.choice() ?? null,
      localSgdPeriod: shared?.localSgdPeriod,
    },
    cancelled: control.cancelled,
  };
}

/** One speed for several runs of the loop (pre-training and training). */
function combinedSpeed(
  runs: LoopOutcome[],
): Omit<TrainedDsi['speed'], 'workers' | 'sharing' | 'localSgdPeriod'> {
  const seconds = runs.reduce((s, r) => s + r.speed.seconds, 0);
  const examples = runs.reduce((s, r) => s + r.speed.examplesPerSec * r.speed.seconds, 0);
  const tokens = runs.reduce((s, r) => s + r.speed.tokensPerSec * r.speed.seconds, 0);
  const per = (x: number) => x / Math.max(seconds, 1e-9);
  return { examplesPerSec: per(examples), tokensPerSec: per(tokens), seconds };
}
