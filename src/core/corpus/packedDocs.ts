import type { Doc } from './types';

/**
 * Documents as they cross from the corpus worker to the page: every text joined into one string,
 * with where each ends. Sent as a thousand objects each holding its own text, a 50,000-document
 * corpus filled the page's young heap with 50 MB of strings that the garbage collector then copied
 * out again, in pauses of 35–53 ms inside the messages' tasks (trace of the 50 MB load). One string
 * of a chunk's texts is allocated where large objects live and never copied; each document's text
 * is a slice of it (V8 keeps a substring of 13 characters or more as a small view, not a copy).
 */
export interface PackedDocs {
  ids: string[];
  titles: string[];
  /** every document's text, one after another */
  texts: string;
  /** where each document's text ends in `texts` */
  ends: Uint32Array;
}

export function packDocs(docs: readonly Doc[]): PackedDocs {
  const ends = new Uint32Array(docs.length);
  let at = 0;
  docs.forEach((d, i) => (ends[i] = at += d.text.length));
  return {
    ids: docs.map((d) => d.id),
    titles: docs.map((d) => d.title),
    texts: docs.map((d) => d.text).join(''),
    ends,
  };
}

export function unpackDocs(packed: PackedDocs): Doc[] {
  const { ids, titles, texts, ends } = packed;
  if (titles.length !== ids.length || ends.length !== ids.length)
    throw new Error(
      `packed documents disagree: ${ids.length} ids, ${titles.length} titles, ${ends.length} ends`,
    );
  if (ids.length > 0 && ends[ids.length - 1] !== texts.length)
    throw new Error(
      `packed documents end at ${ends[ids.length - 1]}, their texts at ${texts.length}`,
    );
  let start = 0;
  return ids.map((id, i) => {
    const text = texts.slice(start, ends[i]);
    start = ends[i];
    return { id, title: titles[i], text };
  });
}
