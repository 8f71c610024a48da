import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, createAnalyzer, type AnalyzerParams } from './analyzer';
import { TermTable } from './termTable';

/** Texts rich in the tokenizer's edge cases: joiners, digits, case, possessives, stop words, Unicode. */
const piece = fc.constantFrom(
  'The', 'the', 'Running', 'runs', "Einstein's", "don't", 'U.S.A', 'U.S.A.', '3.14', '1,000',
  'a,b', '1,b', 'x.', '.y', "'s", '_', 'snake_case', 'ABC123', 'é', 'naïve', '’s', 'Einstein’s',
  '中文', 'ひら', 'x'.repeat(260), ' ', ' ', '\n', '\t', ',', '.', "'", '-', '!', '\u0001', '9',
  '٣', '\u00a0', '—', '\u0301', '😀',
); // prettier-ignore
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 30 });
const asciiText = fc
  .array(fc.constantFrom(..."ab Z09_.,'- \n".split('')), { maxLength: 60 })
  .map((chars) => chars.join(''));

function termsOf(table: TermTable, t: string): string[] {
  table.scan(t);
  return Array.from(table.ids.subarray(0, table.length), (id) => table.terms[id]);
}

describe('TermTable', () => {
  const settings: AnalyzerParams[] = [
    { removeStopwords: true, stem: true },
    { removeStopwords: false, stem: false },
  ];
  for (const params of settings) {
    it(`gives the analyzer's terms and countWords's count (${JSON.stringify(params)})`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(text, asciiText, anyText), { minLength: 1, maxLength: 8 }),
          (texts) => {
            // one table over several texts, as an index build uses it
            const table = new TermTable(params);
            const analyzer = createAnalyzer(params);
            for (const t of texts) {
              expect(termsOf(table, t)).toEqual(analyzer(t));
              expect(table.scan(t)).toBe(countWords(t));
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('hands a token that meets a character beyond ASCII to the regex, from its start', () => {
    const params = { removeStopwords: false, stem: false };
    for (const t of ['1,٣ 2', 'a.é b', "x'é", 'ab’s c', 'café au', 'x\u0301y', '—word—', '中a文']) {
      expect(termsOf(new TermTable(params), t)).toEqual(createAnalyzer(params)(t));
    }
  });

  it('numbers terms by first appearance, one id per term whatever its surface form', () => {
    const table = new TermTable();
    table.scan('Cats cat CAT dogs');
    expect(table.terms).toEqual(['cat', 'dog']);
    expect(Array.from(table.ids.subarray(0, table.length))).toEqual([0, 0, 0, 1]);
    expect(table.termIds.get('dog')).toBe(1);
  });

  it('keeps every surface form apart when the table grows past its first size', () => {
    const table = new TermTable({ removeStopwords: false, stem: false });
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    table.scan(words.join(' '));
    table.scan([...words].reverse().join(' '));
    expect(Array.from(table.ids.subarray(0, table.length))).toEqual(words.map((_, i) => 4999 - i));
  });
});
