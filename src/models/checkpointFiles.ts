import type { DocidsFile, DsiCheckpointFiles, DsiManifest } from './readDsiCheckpoint';
import type { TokenizerJSON } from '../core/text/tokenizer';

// No TF.js here: the page's first script downloads the shipped checkpoint with these while the
// engine's script is still loading (main.tsx), and the engine parses what it hands over.

/** A generative checkpoint directory's files, by the part each holds (a bundle's members too). */
export const DSI_CHECKPOINT_FILES = {
  manifest: 'model.json',
  weights: 'weights.bin',
  tokenizer: 'tokenizer.json',
  docids: 'docids.json',
  metrics: 'metrics.json',
  config: 'config.json',
} as const satisfies Record<keyof DsiCheckpointFiles, string>;

/** The files in the order fetchCheckpointBytes gives their bytes. */
const FILES = Object.values(DSI_CHECKPOINT_FILES);

/** Download a checkpoint directory's six files, as bytes. */
export async function fetchCheckpointBytes(baseUrl: string): Promise<ArrayBuffer[]> {
  const root = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return Promise.all(
    FILES.map(async (name) => {
      const r = await fetch(root + name);
      if (!r.ok) throw new Error(`could not fetch ${root}${name} (${r.status})`);
      return r.arrayBuffer();
    }),
  );
}

/** The six files' bytes (fetchCheckpointBytes) as a checkpoint: the JSON ones parsed. */
export function parseCheckpointBytes(bytes: readonly ArrayBuffer[]): DsiCheckpointFiles {
  if (bytes.length !== FILES.length)
    throw new Error(`a checkpoint has ${FILES.length} files, not ${bytes.length}`);
  const decoder = new TextDecoder();
  const at = (part: keyof DsiCheckpointFiles) => FILES.indexOf(DSI_CHECKPOINT_FILES[part]);
  const json = <T>(part: keyof DsiCheckpointFiles): T => {
    try {
      return JSON.parse(decoder.decode(bytes[at(part)])) as T;
    } catch (e) {
      throw new Error(`${DSI_CHECKPOINT_FILES[part]} is not JSON: ${(e as Error).message}`, {
        cause: e,
      });
    }
  };
  return {
    manifest: json<DsiManifest>('manifest'),
    weights: new Uint8Array(bytes[at('weights')]),
    tokenizer: json<TokenizerJSON>('tokenizer'),
    docids: json<DocidsFile>('docids'),
    metrics: json<Record<string, number>>('metrics'),
    config: json<Record<string, unknown>>('config'),
  };
}
