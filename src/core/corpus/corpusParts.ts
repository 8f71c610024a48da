import type { Qrels } from '../eval/types';
import type { Corpus, Doc, Query } from './types';

/** What a corpus handed over in parts says first: everything but its documents and queries. */
export interface CorpusHead {
  name: string;
  qrels: Record<string, Qrels>;
  docCount: number;
  queryCount: number;
}

/** One part of a corpus handed over: a run of its documents or of its queries, in order. */
export interface CorpusPart {
  docs?: Doc[];
  queries?: Query[];
}

/** Documents or queries per part: about 1 MB of text for documents of a kilobyte. */
export const CORPUS_PART_SIZE = 1000;

/** The head of `corpus` and its parts, in the order they are to be handed over. */
export function splitCorpus(
  corpus: Corpus,
  size = CORPUS_PART_SIZE,
): { head: CorpusHead; parts: CorpusPart[] } {
  const parts: CorpusPart[] = [];
  for (let i = 0; i < corpus.docs.length; i += size)
    parts.push({ docs: corpus.docs.slice(i, i + size) });
  for (let i = 0; i < corpus.queries.length; i += size)
    parts.push({ queries: corpus.queries.slice(i, i + size) });
  return {
    head: {
      name: corpus.name,
      qrels: corpus.qrels,
      docCount: corpus.docs.length,
      queryCount: corpus.queries.length,
    },
    parts,
  };
}

/**
 * Corpora being handed over in parts, each under a number (its ticket). Posting a 50 MB corpus
 * to a worker in one message copies it in one main-thread task (about half a second); in parts of
 * a thousand documents each copy is a task of a few milliseconds.
 */
export class CorpusParts {
  private readonly pending = new Map<number, { head: CorpusHead; docs: Doc[]; queries: Query[] }>();

  begin(ticket: number, head: CorpusHead): void {
    this.pending.set(ticket, { head, docs: [], queries: [] });
  }

  add(ticket: number, part: CorpusPart): void {
    const open = this.opened(ticket);
    for (const doc of part.docs ?? []) open.docs.push(doc);
    for (const query of part.queries ?? []) open.queries.push(query);
    if (open.docs.length > open.head.docCount || open.queries.length > open.head.queryCount)
      throw new Error(`corpus ${ticket} got more parts than its head announced`);
  }

  /** The whole corpus, which is then forgotten here; throws when a part is missing. */
  take(ticket: number): Corpus {
    const { head, docs, queries } = this.opened(ticket);
    this.pending.delete(ticket);
    if (docs.length !== head.docCount || queries.length !== head.queryCount)
      throw new Error(
        `corpus ${ticket} is incomplete: ${docs.length} of ${head.docCount} documents, ${queries.length} of ${head.queryCount} queries`,
      );
    return { name: head.name, qrels: head.qrels, docs, queries };
  }

  private opened(ticket: number) {
    const open = this.pending.get(ticket);
    if (!open) throw new Error(`no corpus is being handed over under ${ticket}`);
    return open;
  }
}
