import type { DocidsFile, DsiCheckpointFiles, DsiManifest } from './loadCheckpoint';
import type { TokenizerJSON } from '../core/text/tokenizer';

// No TF.js here: the page's first script downloads the shipped checkpoint with these while the
// engine's script is still loading (main.tsx), and the engine parses what it hands over.

/** A generative checkpoint directory's files, in the order the functions below use. */
const FILES = [
  'model.json',
  'weights.bin',
  'tokenizer.json',
  'docids.json',
  'metrics.json',
  'config.json',
] as const;

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
  const json = <T>(i: number): T => {
    try {
      return JSON.parse(decoder.decode(bytes[i])) as T;
    } catch (e) {
      throw new Error(`${FILES[i]} is not JSON: ${(e as Error).message}`, { cause: e });
    }
  };
  return {
    manifest: json<DsiManifest>(0),
    weights: new Uint8Array(bytes[1]),
    tokenizer: json<TokenizerJSON>(2),
    docids: json<DocidsFile>(3),
    metrics: json<Record<string, number>>(4),
    config: json<Record<string, unknown>>(5),
  };
}
