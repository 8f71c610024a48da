import { docidVocab } from '../core/docids/types';
import { loadTokenizer, type TokenizerJSON } from '../core/text/tokenizer';
import { exportWeights, importWeights, type CheckpointManifest } from './checkpoint';
import { ownBuffer } from './weightTable';
import type { QueryGenTrainConfig } from './queryGenConfig';
import type { QueryGenerator } from './queryGenerator';
import { parameterCount } from './seq2seq';

/** What a saved query generator holds besides its weights. */
export type QueryGenManifest = Pick<CheckpointManifest, 'config' | 'weights'> & {
  format: 'genir-querygen-1';
  parameters: number;
  /** its training settings (they also give the passage length it reads) */
  training: QueryGenTrainConfig;
  /** the collection whose (query, passage) pairs trained it, and how many pairs */
  corpusName: string;
  pairs: number;
};

/** A query generator as files: the same three parts a bundle or the browser's storage keeps. */
export interface QueryGenCheckpointFiles {
  manifest: QueryGenManifest;
  weights: Uint8Array;
  tokenizer: TokenizerJSON;
}

export async function exportQueryGenCheckpoint(
  generator: QueryGenerator,
  trained: { corpusName: string; pairs: number },
): Promise<QueryGenCheckpointFiles> {
  const { table, bytes } = await exportWeights(generator.model);
  return {
    manifest: {
      format: 'genir-querygen-1',
      config: generator.model.config,
      parameters: parameterCount(generator.model),
      weights: table,
      training: generator.config,
      corpusName: trained.corpusName,
      pairs: trained.pairs,
    },
    weights: bytes,
    tokenizer: generator.tokenizer.toJSON(),
  };
}

/**
 * A generator from its files; checks the format, that the decoder writes the tokenizer's pieces
 * (its vocabulary is the pieces, then end and start), and every weight's name and shape.
 */
export function importQueryGenCheckpoint(files: QueryGenCheckpointFiles): QueryGenerator {
  const { manifest } = files;
  if (manifest?.format !== 'genir-querygen-1')
    throw new Error(`not a query generator (format ${String(manifest?.format)})`);
  const tokenizer = loadTokenizer(files.tokenizer);
  const vocab = docidVocab(tokenizer.vocab, '');
  if (manifest.config.tgtVocab !== vocab.size || manifest.config.srcVocab !== tokenizer.vocabSize)
    throw new Error(
      `tokenizer.json has ${tokenizer.vocabSize} pieces; model.json's model reads ${manifest.config.srcVocab} and writes ${manifest.config.tgtVocab - 2}`,
    );
  const model = importWeights(manifest as unknown as CheckpointManifest, ownBuffer(files.weights));
  return { model, tokenizer, vocab, config: manifest.training };
}
