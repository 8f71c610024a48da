import type { Corpus } from '../core/corpus/types';
import type { DenseCheckpointFiles } from '../models/dense/denseCheckpoint';
import type { DsiCheckpointFiles } from '../models/readDsiCheckpoint';
import type { QueryGenCheckpointFiles } from '../models/queryGenCheckpoint';
import type { DenseInfo, ModelInfo, QueryGenInfo } from '../worker/engineApi';
import type { AppState } from './appStore';
import type { SavedFiles, SavedKind } from './savedModelsDb';
import { engineClient } from './workers';

export type Imported =
  | { kind: 'generative'; info: ModelInfo }
  | { kind: 'dense'; info: DenseInfo }
  | { kind: 'querygen'; info: QueryGenInfo };

/**
 * Hand a saved or bundled model's files to the engine for `corpus` (a query generator serves any
 * corpus, so it needs none). The engine checks every weight before it replaces the model in use,
 * so a rejection leaves that model answering.
 */
export async function engineImport(
  kind: SavedKind,
  files: SavedFiles,
  corpus: Corpus | null,
): Promise<Imported> {
  if (kind === 'generative') {
    if (!corpus) throw new Error('a generative model needs its corpus loaded first');
    return {
      kind,
      info: await engineClient().importGenerative(files as DsiCheckpointFiles, corpus.name),
    };
  }
  if (kind === 'querygen')
    return {
      kind,
      info: await engineClient().importQueryGenerator(files as QueryGenCheckpointFiles),
    };
  if (!corpus) throw new Error('a dense model needs its corpus loaded first');
  const queries = corpus.queries.map((q) => q.text);
  return {
    kind,
    info: await engineClient().importDense(files as DenseCheckpointFiles, corpus.name, queries),
  };
}

/** Show an imported model as the one in use. */
export function showImported(state: AppState, imported: Imported): void {
  if (imported.kind === 'generative') state.setModel(imported.info);
  else if (imported.kind === 'dense') state.setDense(imported.info);
  else state.setQueryGenerator(imported.info);
}
