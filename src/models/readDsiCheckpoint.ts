import { DIGIT_VOCAB, type DocidVocab } from '../core/docids/types';
import { checkDocids } from '../core/docids/validate';
import { loadTokenizer, type TokenizerJSON } from '../core/text/tokenizer';
import type { CheckpointManifest } from './checkpoint';
import { docidSpace, sealOptions, type DocidSpace } from './docidSearch';

// No TF.js here: what a generative checkpoint says besides its weights, checked, for TF.js's model
// (loadCheckpoint.ts) and the plain forward pass (plain/plainRetriever.ts) alike.

/** The files `npm run train:demo` writes beside weights.bin. */
export interface DocidsFile {
  scheme: string;
  params: Record<string, unknown>;
  /** document id → docid tokens */
  docids: Record<string, number[]>;
  /** the decoder vocabulary of the docids (absent in older checkpoints: digits) */
  vocab?: DocidVocab;
  clusterTerms: Record<string, string[]>;
}

/** model.json of a saved DSI model. */
export type DsiManifest = Pick<
  CheckpointManifest,
  'format' | 'config' | 'weights' | 'weightsDtype'
> & {
  parameters?: number;
};

/** The six files of a generative checkpoint, in memory (what `npm run train:demo` writes). */
export interface DsiCheckpointFiles {
  manifest: DsiManifest;
  weights: Uint8Array;
  tokenizer: TokenizerJSON;
  docids: DocidsFile;
  metrics: Record<string, number>;
  config: Record<string, unknown>;
}

/** A checkpoint's files, the weights as bytes of either kind. */
export type DsiCheckpointContents = Omit<DsiCheckpointFiles, 'weights'> & {
  weights: ArrayBuffer | Uint8Array;
};

/**
 * The docid space and document ids a checkpoint describes; throws when it is not a generative
 * checkpoint or a docid is not valid.
 */
export function readDsiCheckpoint(files: DsiCheckpointContents): {
  space: DocidSpace;
  /** document ids in document-number order */
  docIds: string[];
} {
  const { manifest, docids } = files;
  if (manifest.format !== 'genir-dsi-1')
    throw new Error(`not a generative checkpoint (format ${String(manifest.format)})`);
  const docIds = Object.keys(docids.docids);
  const vocab = docids.vocab ?? DIGIT_VOCAB;
  const tokens = docIds.map((id) => docids.docids[id]);
  const seal = sealOptions(docids);
  // SEAL stores each document's subwords, which may repeat; other schemes store unique docids
  const check = seal ? checkSubwords(tokens, vocab.eos) : checkDocids(tokens, vocab);
  if (!check.ok) throw new Error(`docids.json, document ${docIds[check.doc]}: ${check.error}`);
  return { space: docidSpace(loadTokenizer(files.tokenizer), tokens, vocab, seal), docIds };
}

/** Every token an integer subword id below `limit` (SEAL's stored document texts). */
function checkSubwords(
  texts: readonly unknown[],
  limit: number,
): { ok: true } | { ok: false; doc: number; error: string } {
  for (let doc = 0; doc < texts.length; doc++) {
    const text = texts[doc];
    if (!Array.isArray(text)) return { ok: false, doc, error: 'its tokens are not a list' };
    const bad = text.find((t) => !Number.isInteger(t) || t < 0 || t >= limit);
    if (bad !== undefined)
      return { ok: false, doc, error: `token ${String(bad)} is not a subword id` };
  }
  return { ok: true };
}
