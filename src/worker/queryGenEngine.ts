import { docText } from '../core/corpus/docText';
import type { Corpus } from '../core/corpus/types';
import { buildBM25Index } from '../core/lexical/bm25';
import { bm25RankOf, filterGenerated, type FilteredQuery } from '../core/querygen/filter';
import {
  disposeQueryGenerator,
  generateQueries,
  trainQueryGenerator,
  type QueryGenerator,
} from '../models/queryGenerator';
import { exportQueryGenCheckpoint, importQueryGenCheckpoint } from '../models/queryGenCheckpoint';
import { parameterCount } from '../models/seq2seq';
import type { EngineWorkerApi, GeneratedSummary, QueryGenInfo } from './engineApi';
import { ModelSlot } from './modelSlot';
import type { TrainingRuns } from './trainingRuns';

type QueryGenApi = Pick<
  EngineWorkerApi,
  | 'trainQueryGenerator'
  | 'generateQueries'
  | 'generatedFor'
  | 'dropGenerated'
  | 'exportQueryGenerator'
  | 'importQueryGenerator'
>;

/**
 * The engine's DSI-QG part: the learned query generator (it outlives corpus changes, so a
 * generator trained on one collection can write queries for another) and the filtered queries it
 * wrote for the page's corpus, which the generative model's training reads.
 */
export function createQueryGenEngine(
  runs: TrainingRuns,
  backendReady: () => Promise<unknown>,
): QueryGenApi & {
  /** the kept queries for `corpus`, if they were generated for it */
  keptQueries(corpus: Corpus): { text: string; doc: number }[] | undefined;
} {
  const queryGen = new ModelSlot<{ generator: QueryGenerator; info: QueryGenInfo }>((s) =>
    disposeQueryGenerator(s.generator),
  );
  /** the generator's filtered queries for the page's corpus, by document number */
  let generated: { summary: GeneratedSummary; docIds: string[]; list: FilteredQuery[] } | null =
    null;

  return {
    async trainQueryGenerator(corpus, config, callbacks) {
      const control = runs.start();
      try {
        const trained = await trainQueryGenerator(corpus, config, callbacks, control);
        if (trained.cancelled) {
          disposeQueryGenerator(trained.generator);
          return {
            cancelled: true,
            generator: queryGen.current?.info ?? null,
            speed: trained.speed,
          };
        }
        const info: QueryGenInfo = {
          corpusName: corpus.name,
          pairs: trained.pairs,
          parameters: parameterCount(trained.generator.model),
          config: config as unknown as Record<string, unknown>,
        };
        queryGen.replace({ generator: trained.generator, info });
        return { cancelled: false, generator: info, speed: trained.speed };
      } finally {
        runs.end();
      }
    },

    generateQueries: (corpus, sample, filter, onProgress) =>
      queryGen.use('no query generator is trained yet', async ({ generator, info }) => {
        const start = performance.now();
        const texts = corpus.docs.map(docText);
        const samples = await generateQueries(generator, texts, sample, onProgress);
        // DSI-QG's filter, with BM25 as the ranker: keep a query if its passage ranks ≤ maxRank
        const index = buildBM25Index(texts.map((text) => ({ text })));
        const list = filterGenerated(samples, bm25RankOf(index, filter.maxRank), filter);
        const summary: GeneratedSummary = {
          corpusName: corpus.name,
          docCount: corpus.docs.length,
          generatorCorpus: info.corpusName,
          total: list.length,
          kept: list.filter((q) => q.kept).length,
          perDoc: sample.perDoc,
          maxRank: filter.maxRank,
          seconds: (performance.now() - start) / 1000,
        };
        generated = { summary, docIds: corpus.docs.map((d) => d.id), list };
        return summary;
      }),

    async generatedFor(docId) {
      if (!generated) return [];
      const doc = generated.docIds.indexOf(docId);
      return generated.list
        .filter((q) => q.doc === doc)
        .map((q) => ({
          text: q.text,
          rank: Number.isFinite(q.rank) ? q.rank : null,
          kept: q.kept,
        }));
    },

    async dropGenerated() {
      generated = null;
    },

    exportQueryGenerator: () =>
      queryGen.use('no query generator is trained yet', ({ generator, info }) =>
        exportQueryGenCheckpoint(generator, info),
      ),

    async importQueryGenerator(files) {
      await backendReady();
      const generator = importQueryGenCheckpoint(files);
      const { manifest } = files;
      const info: QueryGenInfo = {
        corpusName: manifest.corpusName,
        pairs: manifest.pairs,
        parameters: manifest.parameters,
        config: manifest.training as unknown as Record<string, unknown>,
      };
      queryGen.replace({ generator, info });
      return info;
    },

    keptQueries(corpus) {
      const fits =
        generated?.summary.corpusName === corpus.name &&
        generated.summary.docCount === corpus.docs.length;
      return fits
        ? generated!.list.filter((q) => q.kept).map(({ text, doc }) => ({ text, doc }))
        : undefined;
    },
  };
}
