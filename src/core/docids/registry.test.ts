import { describe, expect, it } from 'vitest';
import { assignDocids, DOCID_SCHEMES } from './registry';
import type { DocidScheme } from './types';
import { trainTokenizer } from '../text/tokenizer';
import { SEAL_SCHEME } from './seal';
import { checkDocids } from './validate';

describe('DOCID_SCHEMES', () => {
  const texts = ['red apples', 'green apples', 'blue sky', 'grey sky', 'red sky', 'apple pie'];

  it('lists each scheme under its own name and every one gives valid docids', () => {
    for (const [name, scheme] of Object.entries<DocidScheme<unknown>>(DOCID_SCHEMES)) {
      expect(scheme.name).toBe(name);
      const tokenizer = trainTokenizer(texts, { vocabSize: 40, minFrequency: 1 });
      const assignment = scheme.assign({ texts, tokenizer }, scheme.defaults(texts.length));
      expect(assignment.scheme).toBe(name);
      expect(assignment.docids).toHaveLength(texts.length);
      // SEAL's "docids" are the documents' whole texts, which may repeat or prefix one another
      if (name === SEAL_SCHEME) {
        expect(assignment.docids).toEqual(texts.map((t) => tokenizer.encode(t)));
      } else expect(checkDocids(assignment.docids, assignment.vocab)).toEqual({ ok: true });
    }
  });

  it('assignDocids fills in the defaults for the corpus size', () => {
    const a = assignDocids('semantic', { texts }, { c: 2, k: 2 });
    expect(a.params).toMatchObject({ c: 2, k: 2, lsaDims: 64, seed: 0 });
    expect(assignDocids('naive', { texts }).params).toEqual({ seed: 0 });
  });
});
