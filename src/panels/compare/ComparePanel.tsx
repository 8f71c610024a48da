import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../store/appStore';
import { generativeLabel, METHOD_LABELS, type MethodName } from '../../store/compareSlice';
import { SEARCH_RESULTS } from '../../store/searchDefaults';
import { downloadText, fileSlug } from '../../ui/download';
import { CompareColumn } from './CompareColumn';
import { CompareQuery } from './CompareQuery';
import {
  fuseColumns,
  METHOD_COLOURS,
  rankedListsCsv,
  relevantFor,
  SCORE_LABELS,
  sharedDocColours,
  type ColumnHit,
} from './compareLists';
import { DenseDimsField } from './DenseDimsField';
import { EmbeddingMapView } from './EmbeddingMapView';
import { FusionSettings } from './FusionSettings';

const statusText = (status: string, what: string) =>
  status === 'loading'
    ? `Loading the ${what}…`
    : status === 'error'
      ? `The ${what} could not load.`
      : `No ${what} for this corpus: train one in the Index panel.`;

/** One query, answered by the generative model, the dense retriever, BM25 and their fusion. */
export function ComparePanel() {
  const corpus = useAppStore((s) => s.corpus);
  const generativeName = useAppStore((s) => generativeLabel(s.model?.docidScheme));
  const query = useAppStore((s) => s.query);
  const bm25 = useAppStore((s) => s.bm25Hits);
  const resultsFor = useAppStore((s) => s.resultsFor);
  const generative = useAppStore((s) => s.generative);
  const modelStatus = useAppStore((s) => s.modelStatus);
  const denseAnswer = useAppStore((s) => s.denseAnswer);
  const dense = useAppStore((s) => s.dense);
  const denseStatus = useAppStore((s) => s.denseStatus);
  const denseError = useAppStore((s) => s.denseError);
  const map = useAppStore((s) => s.embeddingMap);
  const docidOf = useAppStore((s) => s.docidOf);
  const semantic = useAppStore((s) => s.model?.docidScheme === 'semantic');
  const weights = useAppStore((s) => s.fusionWeights);
  const rrfK = useAppStore((s) => s.rrfK);
  const selected = useAppStore((s) => s.selectedDoc);
  const selectDoc = useAppStore((s) => s.selectDoc);
  const loadDocids = useAppStore((s) => s.loadDocids);
  const loadEmbeddingMap = useAppStore((s) => s.loadEmbeddingMap);
  const clusterTerms = useAppStore((s) => s.model?.clusterTerms);

  useEffect(() => {
    if (modelStatus === 'ready' && !docidOf) void loadDocids();
  }, [modelStatus, docidOf, loadDocids]);
  useEffect(() => {
    if (denseStatus === 'ready' && !map) void loadEmbeddingMap();
  }, [denseStatus, map, loadEmbeddingMap]);

  const docs = useMemo(() => new Map(corpus?.docs.map((d) => [d.id, d])), [corpus]);
  const lists = useMemo(() => {
    const fresh = resultsFor === query;
    return {
      generative:
        generative?.query === query
          ? generative.hits.filter((h) => h.docId).map((h) => ({ docId: h.docId, score: h.score }))
          : null,
      dense: denseAnswer?.query === query ? denseAnswer.hits : null,
      bm25:
        fresh && corpus
          ? bm25.map((h) => ({ docId: corpus.docs[h.doc].id, score: h.score }))
          : null,
    } satisfies Record<MethodName, ColumnHit[] | null>;
  }, [query, resultsFor, generative, denseAnswer, bm25, corpus]);
  const fused = useMemo(
    () =>
      fuseColumns(
        { generative: lists.generative ?? [], dense: lists.dense ?? [], bm25: lists.bm25 ?? [] },
        weights,
        rrfK,
        SEARCH_RESULTS,
      ),
    [lists, weights, rrfK],
  );
  const linked = useMemo(
    () => sharedDocColours([lists.generative ?? [], lists.dense ?? [], lists.bm25 ?? []]),
    [lists],
  );
  const relevant = useMemo(() => relevantFor(corpus, query), [corpus, query]);
  const asked = query.trim() !== '';
  const common = { docs, linked, relevant, selected, onSelect: selectDoc };

  return (
    <section className="card" aria-label="Compare methods">
      <h2>Compare: generative · dense · BM25 · fusion</h2>
      <p className="note">
        The same query answered by a model that writes document ids, a dual encoder that finds the
        nearest embeddings, term matching, and a fusion of the three rankings. Each method scores on
        its own scale (named under each heading), so compare ranks across columns, not numbers. A
        document found by more than one method has the same colour bar in each column; select one to
        follow it everywhere.
      </p>
      <CompareQuery />
      {asked && (
        <>
          <div className="compare-columns">
            <CompareColumn
              {...common}
              label={generativeName}
              scoreLabel={SCORE_LABELS.generative}
              colour={METHOD_COLOURS.generative}
              hits={lists.generative}
              empty={
                modelStatus === 'ready' ? 'Decoding…' : statusText(modelStatus, 'generative model')
              }
            />
            <CompareColumn
              {...common}
              label={METHOD_LABELS.dense}
              scoreLabel={SCORE_LABELS.dense}
              colour={METHOD_COLOURS.dense}
              hits={lists.dense}
              empty={
                denseError ??
                (denseStatus === 'ready' ? 'Searching…' : statusText(denseStatus, 'dense model'))
              }
              note={
                dense?.search.kind === 'hnsw'
                  ? `HNSW index: recall@10 ${dense.search.recallAt10?.toFixed(3)} against exact search on ${dense.search.sampledQueries} sampled queries`
                  : undefined
              }
            />
            <CompareColumn
              {...common}
              label={METHOD_LABELS.bm25}
              scoreLabel={SCORE_LABELS.bm25}
              colour={METHOD_COLOURS.bm25}
              hits={lists.bm25}
              empty="Searching…"
            />
            <CompareColumn
              {...common}
              label={METHOD_LABELS.fusion}
              scoreLabel={SCORE_LABELS.fusion}
              colour={METHOD_COLOURS.fusion}
              hits={fused}
              empty=""
            />
          </div>
          {relevant.size > 0 && (
            <p className="note">
              This is a judged question: {relevant.size} relevant document
              {relevant.size === 1 ? '' : 's'}, marked ✓.
            </p>
          )}
          <div className="row">
            <DenseDimsField />
            <button
              type="button"
              onClick={() =>
                downloadText(
                  rankedListsCsv(
                    query,
                    [
                      { method: generativeName, hits: lists.generative ?? [] },
                      { method: METHOD_LABELS.dense, hits: lists.dense ?? [] },
                      { method: METHOD_LABELS.bm25, hits: lists.bm25 ?? [] },
                      { method: METHOD_LABELS.fusion, hits: fused },
                    ],
                    (id) => docs.get(id)?.title ?? '',
                    relevant,
                  ),
                  `compare-${fileSlug(query, 40, 'query')}.csv`,
                  'text/csv',
                )
              }
            >
              Ranked lists (CSV)
            </button>
          </div>
          <FusionSettings />
        </>
      )}
      <h3>Document embeddings</h3>
      {map ? (
        <EmbeddingMapView
          map={map}
          query={asked && denseAnswer?.query === query ? denseAnswer.point : null}
          queryText={query}
          docidOf={docidOf}
          colourByCluster={semantic}
          clusterTerms={clusterTerms}
          tops={{
            generative: (lists.generative ?? []).map((h) => h.docId),
            dense: (lists.dense ?? []).map((h) => h.docId),
            bm25: (lists.bm25 ?? []).map((h) => h.docId),
          }}
          docs={docs}
          selected={selected}
          onSelect={selectDoc}
        />
      ) : (
        <p className="note">
          {denseStatus === 'ready'
            ? 'Projecting the embeddings…'
            : statusText(denseStatus, 'dense model')}
        </p>
      )}
    </section>
  );
}
