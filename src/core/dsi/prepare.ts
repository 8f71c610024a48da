import { docText } from '../corpus/docText';
import type { Corpus } from '../corpus/types';
import { assignDocids, type DocidSchemeName } from '../docids/registry';
import type { DocidAssignment } from '../docids/types';
import { SEAL_SCHEME, wordStartTokens } from '../docids/seal';
import { generatePseudoQueries } from '../querygen/generate';
import { createRandom } from '../random';
import { sealExamples } from '../seal/examples';
import {
  DEFAULT_SELF_SUPERVISED_PARAMS,
  selfSupervisedPairs,
  type SelfSupervisedParams,
} from '../querygen/selfSupervised';
import { DEFAULT_QUERYGEN_PARAMS, type QueryGenParams } from '../querygen/types';
import {
  trainTokenizer,
  DEFAULT_TOKENIZER_PARAMS,
  type SubwordTokenizer,
  type TokenizerParams,
} from '../text/tokenizer';
import { buildTfidf } from '../vectors/tfidf';
import { DEFAULT_DISTILL_PARAMS, type DistillParams } from './distill';
import {
  addExamples,
  buildExamples,
  DEFAULT_DSI_MIX,
  type DsiExample,
  type DsiMixParams,
  type ExampleKind,
} from './examples';

/** Everything that turns a corpus into DSI training data. */
export interface DsiDataConfig {
  tokenizer: TokenizerParams;
  docidScheme: DocidSchemeName;
  /** scheme parameters; missing ones take the scheme's defaults for the corpus size */
  docidParams: Record<string, unknown>;
  querygen: QueryGenParams;
  /** Draw new rule-based pseudo-queries every epoch instead of reusing one set. Default true. */
  resamplePseudo?: boolean;
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
  /** Distillation from BM25's or the dense model's ranking (absent: none). */
  distill?: DistillParams;
  /** CorpusBrain-style pre-training: epochs on self-supervised pairs before indexing. Default 0. */
  pretrainEpochs?: number;
  /** the pairs those epochs read (inner and lead sentences) */
  pretrain?: SelfSupervisedParams;
  seed: number;
}

export const DEFAULT_DSI_DATA: DsiDataConfig = {
  tokenizer: DEFAULT_TOKENIZER_PARAMS,
  docidScheme: 'semantic',
  docidParams: {},
  querygen: DEFAULT_QUERYGEN_PARAMS,
  resamplePseudo: true,
  mix: DEFAULT_DSI_MIX,
  srcLen: 64,
  trainSplit: 'train',
  distill: DEFAULT_DISTILL_PARAMS,
  pretrainEpochs: 0,
  pretrain: DEFAULT_SELF_SUPERVISED_PARAMS,
  seed: 1,
};

export type ExampleCounts = Record<'indexing' | 'queries' | 'pseudo' | 'generated', number>;

export interface PreparedDsi {
  tokenizer: SubwordTokenizer;
  assignment: DocidAssignment;
  /** the examples of the first epoch (indexing, real queries, pseudo-queries, generated ones) */
  examples: DsiExample[];
  /**
   * The examples of epoch `epoch` (0-based): the first epoch's, with the rule-based pseudo-queries
   * drawn anew when `resamplePseudo` is on (same seed and epoch → same queries).
   */
  examplesOf(epoch: number): DsiExample[];
  /** CorpusBrain's self-supervised pairs, for the pre-training epochs ([] when there are none) */
  pretrainExamples: DsiExample[];
  /** decoder length: longest docid + 1 (start token / end token) */
  tgtLen: number;
  counts: ExampleCounts;
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

const COUNTED: Partial<Record<ExampleKind, keyof ExampleCounts>> = {
  indexing: 'indexing',
  query: 'queries',
  pseudo: 'pseudo',
  generated: 'generated',
};

export interface PrepareOptions {
  onStage?: (stage: string) => void;
  /** document embeddings in corpus order, clustered by semantic docids instead of LSA */
  vectors?: readonly Float32Array[];
  /** the learned query generator's kept queries (DSI-QG), trained on as 'generated' examples */
  generated?: readonly { text: string; doc: number }[];
}

/** Tokenizer, docids and the mixed example lists for a corpus; deterministic for a config. */
export function prepareDsi(
  corpus: Corpus,
  config: DsiDataConfig,
  options: PrepareOptions = {},
): PreparedDsi {
  const { onStage, vectors } = options;
  if (config.docidVectors === 'dense' && !vectors) {
    throw new Error('docids from dense embeddings need a dense retriever for this corpus first');
  }
  const texts = corpus.docs.map(docText);
  const queries = trainingQueries(corpus, config.trainSplit);
  onStage?.('Training the tokenizer');
  const tokenizer = trainTokenizer([...texts, ...queries.map((q) => q.text)], config.tokenizer);
  onStage?.('Assigning docids');
  const assignment = assignDocids(
    config.docidScheme,
    {
      texts,
      ids: corpus.docs.map((d) => d.id),
      titles: corpus.docs.map((d) => d.title),
      tokenizer,
      tfidf: buildTfidf(texts),
      vectors: config.docidVectors === 'dense' ? vectors : undefined,
    },
    { seed: config.seed, ...config.docidParams },
  );
  onStage?.('Generating pseudo-queries');
  const pseudoOf = (epoch: number) =>
    config.mix.pseudo > 0
      ? generatePseudoQueries(texts, { ...config.querygen, seed: config.seed + epoch })
      : [];
  onStage?.('Tokenising examples');
  if (assignment.scheme === SEAL_SCHEME) {
    return prepareSeal(
      corpus,
      config,
      { tokenizer, assignment, texts, queries, pseudoOf },
      options,
    );
  }
  const fixed = buildExamples(
    { docTexts: texts, queries, pseudo: [], generated: options.generated },
    tokenizer,
    config.srcLen,
    config.mix,
  );
  const pseudoExamples = (epoch: number) => {
    const out: DsiExample[] = [];
    addExamples(out, 'pseudo', pseudoOf(epoch), tokenizer, config.srcLen, config.mix.pseudo);
    return out;
  };
  const first = [...fixed, ...pseudoExamples(0)];
  const examplesOf = (epoch: number) =>
    epoch === 0 || !config.resamplePseudo || config.mix.pseudo === 0
      ? first
      : [...fixed, ...pseudoExamples(epoch)];
  const pretrainExamples: DsiExample[] = [];
  if ((config.pretrainEpochs ?? 0) > 0) {
    const pairs = selfSupervisedPairs(texts, {
      ...DEFAULT_SELF_SUPERVISED_PARAMS,
      ...config.pretrain,
      seed: config.seed,
    });
    addExamples(pretrainExamples, 'pretrain', pairs, tokenizer, config.srcLen, 1);
  }
  const tgtLen = 1 + Math.max(1, ...assignment.docids.map((d) => d.length));
  return {
    tokenizer,
    assignment,
    examples: first,
    examplesOf,
    pretrainExamples,
    tgtLen,
    counts: countExamples(first),
  };
}

function countExamples(examples: readonly DsiExample[]): ExampleCounts {
  const counts: ExampleCounts = { indexing: 0, queries: 0, pseudo: 0, generated: 0 };
  for (const e of examples) {
    const key = COUNTED[e.kind];
    if (key) counts[key]++;
  }
  return counts;
}

/**
 * SEAL's data: targets are n-grams of the documents (core/seal/examples), spans drawn anew each
 * epoch; the decoder writes at most `ngramLength` tokens. No CorpusBrain pre-training.
 */
function prepareSeal(
  corpus: Corpus,
  config: DsiDataConfig,
  made: {
    tokenizer: SubwordTokenizer;
    assignment: DocidAssignment;
    texts: string[];
    queries: { text: string; doc: number }[];
    pseudoOf: (epoch: number) => { text: string; doc: number }[];
  },
  options: PrepareOptions,
): PreparedDsi {
  const { tokenizer, assignment, texts, queries, pseudoOf } = made;
  const ngramLength = Number(assignment.params.ngramLength);
  const titleTokens = corpus.docs.map((d) => (d.title ? tokenizer.encode(d.title).length : 0));
  const wordStarts = wordStartTokens(assignment.vocab.labels);
  const examplesOf = (epoch: number) =>
    sealExamples(
      {
        docTokens: assignment.docids,
        titleTokens,
        docTexts: texts,
        queries,
        pseudo: pseudoOf(config.resamplePseudo ? epoch : 0),
        generated: options.generated,
        wordStarts,
      },
      tokenizer,
      config.srcLen,
      config.mix,
      ngramLength,
      createRandom(config.seed * 7919 + epoch),
    );
  const first = examplesOf(0);
  return {
    tokenizer,
    assignment,
    examples: first,
    examplesOf: (epoch) => (epoch === 0 ? first : examplesOf(epoch)),
    pretrainExamples: [],
    tgtLen: 1 + ngramLength,
    counts: countExamples(first),
  };
}
