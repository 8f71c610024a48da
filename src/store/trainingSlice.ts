import * as Comlink from 'comlink';
import type { StateCreator } from 'zustand';
import { DEMO_TRAIN_CONFIG } from '../models/train/presets';
import type { DsiTrainConfig, EvalPoint, TrainProgress } from '../models/train/trainDsi';
import type { AppState } from './appStore';
import { engineClient } from './workers';

export type TrainingStatus =
  'idle' | 'preparing' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

export interface TrainingSlice {
  /** the Index panel's settings; defaults sized for a classroom */
  trainConfig: DsiTrainConfig;
  trainingStatus: TrainingStatus;
  trainingStage: string;
  trainingError: string | null;
  /** parameters and example counts, once the data is prepared */
  trainingPlan: {
    parameters: number;
    examples: { indexing: number; queries: number; pseudo: number };
    docidScheme: string;
    tgtLen: number;
    srcVocab: number;
  } | null;
  progress: TrainProgress | null;
  /** loss of every step so far */
  losses: number[];
  evals: EvalPoint[];
  /** final speed of the last finished run */
  trainingSpeed: { examplesPerSec: number; tokensPerSec: number; seconds: number } | null;
  setTrainConfig(config: DsiTrainConfig): void;
  startTraining(): Promise<void>;
  pauseTraining(): Promise<void>;
  resumeTraining(): Promise<void>;
  cancelTraining(): Promise<void>;
}

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set, get) => ({
  trainConfig: DEMO_TRAIN_CONFIG,
  trainingStatus: 'idle',
  trainingStage: '',
  trainingError: null,
  trainingPlan: null,
  progress: null,
  losses: [],
  evals: [],
  trainingSpeed: null,
  setTrainConfig: (trainConfig) => set({ trainConfig }),
  async startTraining() {
    const { corpus, trainConfig, trainingStatus } = get();
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
      progress: null,
      losses: [],
      evals: [],
      trainingSpeed: null,
    });
    try {
      const outcome = await engineClient().train(
        corpus,
        trainConfig,
        Comlink.proxy({
          onStage: (trainingStage: string) => set({ trainingStage }),
          onPrepared: (trainingPlan) =>
            set({
              trainingPlan,
              trainingStatus: get().trainingStatus === 'paused' ? 'paused' : 'running',
            }),
          onProgress: (progress: TrainProgress) =>
            set({ progress, losses: [...get().losses, progress.loss] }),
          onEval: (e: EvalPoint) => set({ evals: [...get().evals, e] }),
        }),
      );
      set({
        trainingStatus: outcome.cancelled ? 'cancelled' : 'done',
        trainingSpeed: outcome.speed,
      });
      if (!outcome.cancelled) {
        get().setModel(outcome.model);
        void get().runGenerativeSearch();
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
