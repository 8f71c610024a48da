import { docText } from '../src/core/corpus/docText';
import type { Corpus } from '../src/core/corpus/types';
import { buildBM25Index } from '../src/core/lexical/bm25';
import { bm25RankOf, filterGenerated } from '../src/core/querygen/filter';
import { DEFAULT_QUERYGEN_SAMPLE, DEMO_QUERYGEN_CONFIG } from '../src/models/queryGenConfig';
import {
  disposeQueryGenerator,
  generateQueries,
  trainQueryGenerator,
} from '../src/models/queryGenerator';

/** DSI-QG headless: train the classroom generator on `corpus`, write questions, keep BM25's top 10. */
export async function keptQuestions(corpus: Corpus): Promise<{ text: string; doc: number }[]> {
  const { generator, pairs } = await trainQueryGenerator(corpus, DEMO_QUERYGEN_CONFIG);
  const texts = corpus.docs.map(docText);
  const samples = await generateQueries(generator, texts, DEFAULT_QUERYGEN_SAMPLE);
  disposeQueryGenerator(generator);
  const index = buildBM25Index(texts.map((text) => ({ text })));
  const kept = filterGenerated(samples, bm25RankOf(index, 10), { maxRank: 10 }).filter(
    (q) => q.kept,
  );
  console.log(`generator: ${pairs} pairs, ${samples.length} questions, ${kept.length} kept`);
  return kept.map(({ text, doc }) => ({ text, doc }));
}
