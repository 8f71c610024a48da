import { describe, expect, it } from 'vitest';
import { shortfallNote } from './shortfallNote';

const docid = (tokens: readonly number[]) => tokens.join('-');

describe('shortfallNote', () => {
  it('names the repeating groups from 1 with their docids', () => {
    const text = shortfallNote(
      {
        asked: 6,
        distinct: 3,
        repeats: [
          { group: 1, earlier: 0, sequences: [[3, 1, 2]] },
          {
            group: 2,
            earlier: 0,
            sequences: [
              [3, 1, 0],
              [3, 1, 2],
            ],
          },
        ],
      },
      3,
      docid,
    );
    expect(text).toBe(
      'Asked for 6 results; group 2 ended with the same docid as group 1 (3-1-2); group 3 ended with the same docids as group 1 (3-1-0, 3-1-2), and each docid is listed once, so 3 distinct results are shown.',
    );
  });

  it('says when the search simply ended too few docids', () => {
    expect(shortfallNote({ asked: 5, distinct: 1, repeats: [] }, 1, docid)).toBe(
      'Asked for 5 results; the search ended only 1 different docid, so 1 distinct result is shown.',
    );
  });
});
