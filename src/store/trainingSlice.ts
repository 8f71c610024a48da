import * as Comlink from 'comlink';
import type { StateCreator } from 'zustand';
import type { DenseTrainConfig } from '../models/dense/config';
import { DEMO_DENSE_CONFIG } from '../models/dense/presets';
import { DEMO_TRAIN_CONFIG } from '../models/train/presets';
import type { DsiTrainConfig, EvalPoint, TrainProgress } from '../models/train/trainDsi';
import { batchProgress } from './progressBatcher';
import { handCorpus } from './handCorpus';
import type { AppState } from './appStore';
import { engineClient } from './workers';
import type { CorpusTicket } from '../worker/engineApi';

export type TrainingStatus =
  'idle' | 'preparing' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

/** Which model the Index panel trains: the generative index, the dense retriever, or DSI-QG's query generator. */
export type TrainKind = 'generative' | 'dense' | 'querygen';

export interface TrainingSlice {
  trainKind: TrainKind;
  /** the Index panel's settings; defaults sized for a classroom */
  trainConfig: DsiTrainConfig;
  /** the dense retriever's settings (same data settings as the generative model's by default) */
  denseTrainConfig: DenseTrainConfig;
  trainingStatus: TrainingStatus;
  trainingStage: string;
  trainingError: string | null;
  /** parameters and example counts, once the data is prepared */
  trainingPlan: {
    parameters: number;
    examples: { indexing: number; queries: number; pseudo: number; generated: number };
    docidScheme: string;
    tgtLen: number;
    srcVocab: number;
  } | null;
  progress: TrainProgress | null;
  /** loss of every step so far */
  losses: number[];
  evals: EvalPoint[];
  /** the dense run's plan: parameters and pair counts */
  densePlan: {
    parameters: number;
    pairs: Record<string, number>;
    vocab: number;
    maxLen: number;
  } | null;
  /** the kind of model the current (or last) run trains */
  runKind: TrainKind;
  /** final speed of the last finished run */
  trainingSpeed: {
    examplesPerSec: number;
    tokensPerSec: number;
    seconds: number;
    /** workers that shared each step (generative training on a CPU backend) */
    workers?: number;
  } | null;
  setTrainKind(kind: TrainKind): void;
  setTrainConfig(config: DsiTrainConfig): void;
  setDenseTrainConfig(config: DenseTrainConfig): void;
  startTraining(): Promise<void>;
  pauseTraining(): Promise<void>;
  resumeTraining(): Promise<void>;
  cancelTraining(): Promise<void>;
}

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set, get) => ({
  trainKind: 'generative',
  trainConfig: DEMO_TRAIN_CONFIG,
  denseTrainConfig: DEMO_DENSE_CONFIG,
  densePlan: null,
  runKind: 'generative',
  trainingStatus: 'idle',
  trainingStage: '',
  trainingError: null,
  trainingPlan: null,
  progress: null,
  losses: [],
  evals: [],
  trainingSpeed: null,
  setTrainKind: (trainKind) => set({ trainKind }),
  setTrainConfig: (trainConfig) => set({ trainConfig }),
  setDenseTrainConfig: (denseTrainConfig) => set({ denseTrainConfig }),
  async startTraining() {
    const { corpus, trainConfig, denseTrainConfig, trainingStatus, trainKind } = get();
    if (
      !corpus ||
      trainingStatus === 'running' ||
      trainingStatus === 'paused' ||
      trainingStatus === 'preparing'
    )
      return;
    set({
      trainingStatus: 'preparing',
      trainingStage: 'Starting',
      trainingError: null,
      trainingPlan: null,
      densePlan: null,
      runKind: trainKind,
      progress: null,
      losses: [],
      evals: [],
      trainingSpeed: null,
    });
    const running = () => (get().trainingStatus === 'paused' ? 'paused' : 'running');
    const steps = batchProgress((progress, losses) =>
      set({ progress, losses: [...get().losses, ...losses] }),
    );
    const common = {
      onStage: (trainingStage: string) => set({ trainingStage }),
      onProgress: (progress: TrainProgress) => steps.push(progress),
      onEval: (e: EvalPoint) => {
        steps.flush();
        set({ evals: [...get().evals, e] });
      },
    };
    // the engine gets the corpus in parts, then the run; whatever ends it, its last steps are
    // shown before the outcome
    const runOnCorpus = <T>(run: (ticket: CorpusTicket) => Promise<T>) =>
      handCorpus(corpus)
        .then(run)
        .finally(() => steps.flush());
    if (trainKind === 'querygen') {
      try {
        const outcome = await runOnCorpus((ticket) =>
          engineClient().trainQueryGenerator(ticket, get().queryGenConfig, Comlink.proxy(common)),
        );
        set({
          trainingStatus: outcome.cancelled ? 'cancelled' : 'done',
          trainingSpeed: outcome.speed,
        });
        if (!outcome.cancelled) {
          get().setQueryGenerator(outcome.generator);
          void get().saveModelInUse('querygen');
          await get().generateQueries();
        }
      } catch (e) {
        set({ trainingStatus: 'error', trainingError: (e as Error).message });
      }
      return;
    }
    if (trainKind === 'dense') {
      try {
        const outcome = await runOnCorpus((ticket) =>
          engineClient().trainDense(
            ticket,
            denseTrainConfig,
            Comlink.proxy({
              ...common,
              onPrepared: (densePlan) => set({ densePlan, trainingStatus: running() }),
            }),
          ),
        );
        set({
          trainingStatus: outcome.cancelled ? 'cancelled' : 'done',
          trainingSpeed: outcome.speed,
        });
        if (!outcome.cancelled) {
          get().setDense(outcome.dense);
          void get().saveModelInUse('dense');
        }
      } catch (e) {
        set({ trainingStatus: 'error', trainingError: (e as Error).message });
      }
      return;
    }
    try {
      const outcome = await runOnCorpus((ticket) =>
        engineClient().train(
          ticket,
          trainConfig,
          Comlink.proxy({
            ...common,
            onPrepared: (trainingPlan) => set({ trainingPlan, trainingStatus: running() }),
          }),
        ),
      );
      set({
        trainingStatus: outcome.cancelled ? 'cancelled' : 'done',
        trainingSpeed: outcome.speed,
      });
      if (!outcome.cancelled) {
        get().setModel(outcome.model);
        void get().saveModelInUse('generative');
      }
    } catch (e) {
      set({ trainingStatus: 'error', trainingError: (e as Error).message });
    }
  },
  async pauseTraining() {
    await engineClient().pauseTraining();
    set({ trainingStatus: 'paused' });
  },
  async resumeTraining() {
    await engineClient().resumeTraining();
    set({ trainingStatus: 'running' });
  },
  async cancelTraining() {
    await engineClient().cancelTraining();
  },
});
