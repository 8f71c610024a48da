import { DIGIT_VOCAB, docidToString, type DocidVocab } from './types';

export type DocidCheck = { ok: true } | { ok: false; error: string; doc: number };

/**
 * Check docids (e.g. loaded from a model's docids.json) before building a trie over them:
 * each one non-empty, every token a docid token of `vocab` (not EOS or BOS), no two documents
 * sharing a docid.
 */
export function checkDocids(
  docids: readonly (readonly number[])[],
  vocab: DocidVocab = DIGIT_VOCAB,
): DocidCheck {
  const last = vocab.size - 3;
  const seen = new Map<string, number>();
  for (let doc = 0; doc < docids.length; doc++) {
    const id = docids[doc];
    if (id.length === 0) return { ok: false, error: 'empty docid', doc };
    if (!id.every((t) => Number.isInteger(t) && t >= 0 && t <= last)) {
      return { ok: false, error: `docid ${JSON.stringify(id)} has a token outside 0–${last}`, doc };
    }
    const key = docidToString(id);
    const other = seen.get(key);
    if (other !== undefined) {
      return { ok: false, error: `docid ${key} is shared with document ${other}`, doc };
    }
    seen.set(key, doc);
  }
  return { ok: true };
}
