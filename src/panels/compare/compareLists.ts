import Papa from 'papaparse';
import { reciprocalRankFusion } from '../../core/dense/fusion';
import type { Corpus } from '../../core/corpus/types';
import type { MethodName } from '../../store/compareSlice';

export interface ColumnHit {
  docId: string;
  score: number;
}

/** Method colours, used for column headings and the map's rings. */
export const METHOD_COLOURS: Record<MethodName | 'fusion', string> = {
  generative: '#3454d1',
  dense: '#D55E00',
  bm25: '#009E73',
  fusion: '#7F6A00',
};

/** What each column's numbers are: the four methods score on unrelated scales. */
export const SCORE_LABELS: Record<MethodName | 'fusion', string> = {
  generative: 'score = log-probability of the docid (0 = certain)',
  dense: 'score = cosine similarity of query and document embeddings',
  bm25: 'score = BM25 score (query words found, weighted by rarity)',
  fusion: 'score = RRF score: Σ weight ÷ (k + rank) over the methods',
};

/** Colours for documents found by more than one method (Tableau 10, minus the method colours' hues). */
const LINK_COLOURS = [
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
];

/**
 * A colour for each document that appears in two or more of the lists, in order of first
 * appearance (rank by rank across the lists), so the same document is the same colour everywhere.
 */
export function sharedDocColours(lists: readonly (readonly ColumnHit[])[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const list of lists)
    for (const id of new Set(list.map((h) => h.docId))) count.set(id, (count.get(id) ?? 0) + 1);
  const colours = new Map<string, string>();
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let rank = 0; rank < longest; rank++) {
    for (const list of lists) {
      const id = list[rank]?.docId;
      if (id !== undefined && (count.get(id) ?? 0) > 1 && !colours.has(id)) {
        colours.set(id, LINK_COLOURS[colours.size % LINK_COLOURS.length]);
      }
    }
  }
  return colours;
}

/** The fused column: weighted reciprocal rank fusion of the methods' lists. */
export function fuseColumns(
  lists: Record<MethodName, readonly ColumnHit[]>,
  weights: Record<MethodName, number>,
  k: number,
  size: number,
): ColumnHit[] {
  return reciprocalRankFusion(
    (Object.keys(lists) as MethodName[]).map((name) => ({
      name,
      weight: weights[name],
      hits: lists[name],
    })),
    { k },
  )
    .slice(0, size)
    .map((h) => ({ docId: h.docId, score: h.score }));
}

/** Documents judged relevant to `query` when it is one of the corpus's judged questions (any split). */
export function relevantFor(corpus: Corpus | null, query: string): Set<string> {
  const out = new Set<string>();
  if (!corpus) return out;
  const text = query.trim();
  for (const q of corpus.queries) {
    if (q.text.trim() !== text) continue;
    for (const qrels of Object.values(corpus.qrels)) {
      for (const [docId, grade] of qrels.get(q.id) ?? []) if (grade > 0) out.add(docId);
    }
  }
  return out;
}

/** The Compare columns as CSV: one row per (method, rank) with the document's title and score. */
export function rankedListsCsv(
  query: string,
  columns: readonly { method: string; hits: readonly ColumnHit[] }[],
  titleOf: (docId: string) => string,
  relevant: ReadonlySet<string>,
): string {
  const rows: (string | number)[][] = [
    ['query', 'method', 'rank', 'docId', 'title', 'score', 'relevant'],
  ];
  for (const { method, hits } of columns)
    hits.forEach((h, i) =>
      rows.push([
        query,
        method,
        i + 1,
        h.docId,
        titleOf(h.docId),
        h.score,
        relevant.has(h.docId) ? 1 : 0,
      ]),
    );
  return Papa.unparse(rows) + '\n';
}
