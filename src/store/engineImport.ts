import type { Corpus } from '../core/corpus/types';
import type { DenseCheckpointFiles } from '../models/dense/denseCheckpoint';
import type { DsiCheckpointFiles } from '../models/loadCheckpoint';
import type { DenseInfo, ModelInfo } from '../worker/engineApi';
import type { AppState } from './appStore';
import type { SavedFiles, SavedKind } from './savedModelsDb';
import { engineClient } from './workers';

export type Imported = { kind: 'generative'; info: ModelInfo } | { kind: 'dense'; info: DenseInfo };

/**
 * Hand a saved or bundled model's files to the engine for `corpus`. The engine checks every
 * weight before it replaces the model in use, so a rejection leaves that model answering.
 */
export async function engineImport(
  kind: SavedKind,
  files: SavedFiles,
  corpus: Corpus,
): Promise<Imported> {
  if (kind === 'generative')
    return {
      kind,
      info: await engineClient().importGenerative(files as DsiCheckpointFiles, corpus.name),
    };
  const queries = corpus.queries.map((q) => q.text);
  return {
    kind,
    info: await engineClient().importDense(files as DenseCheckpointFiles, corpus.name, queries),
  };
}

/** Show an imported model as the one in use. */
export function showImported(state: AppState, imported: Imported): void {
  if (imported.kind === 'generative') state.setModel(imported.info);
  else state.setDense(imported.info);
}
