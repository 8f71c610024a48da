import type { Corpus } from './types';

/**
 * A short key that tells corpora apart: the name, the document count and a 32-bit FNV-1a hash of
 * the document ids in order. A model saved for one corpus is offered again only for a corpus with
 * the same key (its docids map document numbers to these ids).
 */
export function corpusFingerprint(corpus: Pick<Corpus, 'name' | 'docs'>): string {
  // the panels ask for it while they render; over 50,000 ids it takes tens of milliseconds, so
  // it is worked out once per document list (a corpus never changes its list: adding documents
  // makes a new one)
  const known = fingerprints.get(corpus.docs);
  if (known?.name === corpus.name) return known.key;
  const key = `${corpus.name}#${corpus.docs.length}#${idsHash(corpus.docs)}`;
  fingerprints.set(corpus.docs, { name: corpus.name, key });
  return key;
}

const fingerprints = new WeakMap<
  readonly Corpus['docs'][number][],
  { name: string; key: string }
>();

function idsHash(docs: readonly Corpus['docs'][number][]): string {
  let h = 0x811c9dc5;
  for (const doc of docs) {
    for (let i = 0; i < doc.id.length; i++) {
      h ^= doc.id.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // separator, so ["ab","c"] and ["a","bc"] differ
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
