import type { Doc } from './types';

/** The one field BM25 and the models read: title and text joined (Anserini's "flat" contents). */
export function docText(doc: Doc): string {
  return doc.title ? `${doc.title} ${doc.text}` : doc.text;
}
