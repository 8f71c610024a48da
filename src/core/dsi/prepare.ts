import { docText } from '../corpus/docText';
import type { Corpus } from '../corpus/types';
import { assignDocids, type DocidSchemeName } from '../docids/registry';
import type { DocidAssignment } from '../docids/types';
import { generatePseudoQueries } from '../querygen/generate';
import { DEFAULT_QUERYGEN_PARAMS, type QueryGenParams } from '../querygen/types';
import {
  trainTokenizer,
  DEFAULT_TOKENIZER_PARAMS,
  type SubwordTokenizer,
  type TokenizerParams,
} from '../text/tokenizer';
import { buildTfidf } from '../vectors/tfidf';
import { buildExamples, DEFAULT_DSI_MIX, type DsiExample, type DsiMixParams } from './examples';

/** Everything that turns a corpus into DSI training data. */
export interface DsiDataConfig {
  tokenizer: TokenizerParams;
  docidScheme: DocidSchemeName;
  /** scheme parameters; missing ones take the scheme's defaults for the corpus size */
  docidParams: Record<string, unknown>;
  querygen: QueryGenParams;
  mix: DsiMixParams;
  /** encoder input length in subword tokens (documents are cut here: DSI's FirstP) */
  srcLen: number;
  /** the qrels split whose queries train the retrieval task */
  trainSplit: string;
  /**
   * What semantic docids cluster: LSA of TF-IDF ('lsa', the default when absent) or the dense
   * retriever's document embeddings ('dense', as DSI clustered BERT embeddings); the caller
   * passes the embeddings to prepareDsi.
   */
  docidVectors?: 'lsa' | 'dense';
  seed: number;
}

export const DEFAULT_DSI_DATA: DsiDataConfig = {
  tokenizer: DEFAULT_TOKENIZER_PARAMS,
  docidScheme: 'semantic',
  docidParams: {},
  querygen: DEFAULT_QUERYGEN_PARAMS,
  mix: DEFAULT_DSI_MIX,
  srcLen: 64,
  trainSplit: 'train',
  seed: 1,
};

export interface PreparedDsi {
  tokenizer: SubwordTokenizer;
  assignment: DocidAssignment;
  examples: DsiExample[];
  /** decoder length: longest docid + 1 (start token / end token) */
  tgtLen: number;
  counts: { indexing: number; queries: number; pseudo: number };
}

/** Training queries of `split`: one (text, document) pair per relevant judgment. */
export function trainingQueries(corpus: Corpus, split: string): { text: string; doc: number }[] {
  const qrels = corpus.qrels[split];
  if (!qrels) return [];
  const docIndex = new Map(corpus.docs.map((d, i) => [d.id, i]));
  const pairs: { text: string; doc: number }[] = [];
  for (const q of corpus.queries) {
    for (const [docId, grade] of qrels.get(q.id) ?? []) {
      const doc = docIndex.get(docId);
      if (grade >= 1 && doc !== undefined) pairs.push({ text: q.text, doc });
    }
  }
  return pairs;
}

/** Tokenizer, docids and the mixed example list for a corpus; deterministic for a config. */
export function prepareDsi(
  corpus: Corpus,
  config: DsiDataConfig,
  onStage?: (stage: string) => void,
  /** document embeddings in corpus order, clustered by semantic docids instead of LSA */
  vectors?: readonly Float32Array[],
): PreparedDsi {
  if (config.docidVectors === 'dense' && !vectors) {
    throw new Error('docids from dense embeddings need a dense retriever for this corpus first');
  }
  const texts = corpus.docs.map(docText);
  const queries = trainingQueries(corpus, config.trainSplit);
  onStage?.('Training the tokenizer');
  const tokenizer = trainTokenizer([...texts, ...queries.map((q) => q.text)], config.tokenizer);
  onStage?.('Assigning docids');
  const tfidf = buildTfidf(texts);
  const assignment = assignDocids(
    config.docidScheme,
    { texts, tfidf, vectors: config.docidVectors === 'dense' ? vectors : undefined },
    { seed: config.seed, ...config.docidParams },
  );
  onStage?.('Generating pseudo-queries');
  const pseudo =
    config.mix.pseudo > 0
      ? generatePseudoQueries(texts, { ...config.querygen, seed: config.seed })
      : [];
  onStage?.('Tokenising examples');
  const examples = buildExamples(
    { docTexts: texts, queries, pseudo },
    tokenizer,
    config.srcLen,
    config.mix,
  );
  const tgtLen = 1 + Math.max(1, ...assignment.docids.map((d) => d.length));
  const counts = { indexing: 0, queries: 0, pseudo: 0 };
  for (const e of examples) counts[e.kind === 'query' ? 'queries' : e.kind]++;
  return { tokenizer, assignment, examples, tgtLen, counts };
}
