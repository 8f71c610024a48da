import {
  exportDenseCheckpoint,
  importDenseCheckpoint,
  type DenseCheckpointFiles,
} from '../models/dense/denseCheckpoint';
import { disposeDenseRetriever } from '../models/dense/denseRetriever';
import { exportDsiCheckpoint, importDsiCheckpoint } from '../models/loadCheckpoint';
import type { DenseSearchPlanParams } from '../core/dense/annRecall';
import { adoptDense, type DenseState } from './denseEngine';
import type { EngineWorkerApi } from './engineApi';
import { stateOfLoaded, type GenerativeState } from './generativeState';
import type { ModelSlot } from './modelSlot';

type PersistApi = Pick<
  EngineWorkerApi,
  'exportGenerative' | 'importGenerative' | 'exportDense' | 'importDense'
>;

/**
 * The engine's save and restore part: the models in use as checkpoint files (the same files
 * `npm run train:demo` writes), and models put back in use from such files. The page keeps the
 * files in IndexedDB; a restored model answers exactly as the saved one did.
 */
export function createPersistEngine(
  generative: ModelSlot<GenerativeState>,
  dense: ModelSlot<DenseState>,
  backendReady: () => Promise<unknown>,
  densePlan: () => DenseSearchPlanParams,
): PersistApi {
  return {
    exportGenerative: () =>
      generative.use('no generative model is loaded', ({ retriever, docidsFile, info }) =>
        exportDsiCheckpoint(retriever, docidsFile, {
          config: info.config,
          metrics: { ...info.metrics, split: info.metricsSplit } as unknown as Record<
            string,
            number
          >,
        }),
      ),

    async importGenerative(files, corpusName) {
      await backendReady();
      const state = stateOfLoaded(importDsiCheckpoint(files), 'trained', corpusName);
      generative.replace(state);
      return state.info;
    },

    exportDense: () =>
      dense.use('no dense model is loaded', ({ retriever, docIds, info }) =>
        exportDenseCheckpoint(retriever, docIds, {
          training: { ...info.config, matryoshkaDims: info.matryoshkaDims },
          metrics: { ...info.metrics, split: info.metricsSplit } as unknown as Record<
            string,
            number
          >,
        }),
      ),

    async importDense(files: DenseCheckpointFiles, corpusName, queries) {
      await backendReady();
      const retriever = importDenseCheckpoint(files);
      const { training, metrics } = files.manifest;
      try {
        const state = await adoptDense(
          retriever,
          files.manifest.docIds,
          {
            source: 'trained',
            corpusName,
            matryoshkaDims: (training.matryoshkaDims as number[] | undefined) ?? [],
            config: training,
            metrics,
            metricsSplit: String((metrics as Record<string, unknown>).split ?? 'dev'),
          },
          queries,
          densePlan(),
        );
        dense.replace(state);
        return state.info;
      } catch (e) {
        disposeDenseRetriever(retriever);
        throw e;
      }
    },
  };
}
