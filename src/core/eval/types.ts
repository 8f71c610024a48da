/** Relevance judgments: query id → document id → grade (≥ 1 counts as relevant). */
export type Qrels = Map<string, Map<string, number>>;

/** One retrieved document for a query. */
export interface RunEntry {
  docId: string;
  score: number;
}

/** A system's output: query id → retrieved documents (any order; scores decide the ranking). */
export type Run = Map<string, RunEntry[]>;
