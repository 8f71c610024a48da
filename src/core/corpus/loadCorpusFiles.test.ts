import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { loadCorpusFiles, loadPastedText } from './loadCorpusFiles';
import { describeLoadError, type InputFile, type LoadResult } from './types';
import { corpusStats } from './stats';

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, text: string): InputFile => ({ name, bytes: enc(text) });
const CORPUS = [
  '{"_id": "d1", "title": "Cats", "text": "Cats purr."}',
  '{"_id": "d2", "title": "Dogs", "text": "Dogs bark loudly."}',
  '{"_id": 3, "text": "A numeric id."}',
].join('\n');
const QUERIES = '{"_id": "q1", "text": "do cats purr"}\n{"_id": "q2", "text": "barking"}\n';
const QRELS = 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2\nq2\tnope\t1\nq9\td1\t1\n';

function error(result: LoadResult): string {
  if (result.ok) throw new Error('expected an error');
  return describeLoadError(result);
}

describe('loadCorpusFiles: BEIR', () => {
  const beir = [
    file('mini/corpus.jsonl', CORPUS),
    file('mini/queries.jsonl', QUERIES),
    file('mini/qrels/test.tsv', QRELS),
  ];

  it('reads documents, queries and qrels per split, skipping unknown ids with a count', () => {
    const res = loadCorpusFiles(beir);
    if (!res.ok) throw new Error(describeLoadError(res));
    const c = res.value;
    expect(c.name).toBe('mini');
    expect(c.docs.map((d) => d.id)).toEqual(['d1', 'd2', '3']);
    expect(c.docs[2].title).toBe('');
    expect(c.queries).toHaveLength(2);
    expect([...c.qrels.test.entries()].map(([q, j]) => [q, [...j]])).toEqual([
      ['q1', [['d1', 1]]],
      ['q2', [['d2', 2]]],
    ]);
    expect(res.warnings.join(' ')).toMatch(
      /skipped 2 judgments \(1 naming unknown documents, 1 naming unknown queries\)/,
    );
    const stats = corpusStats(c);
    expect(stats.splits.test).toEqual({ queries: 2, pairs: 2 });
    expect(stats.docLengths.max).toBe(4); // "Dogs" + "Dogs bark loudly."
  });

  it('reads the same collection from a .zip', () => {
    const zip = zipSync(Object.fromEntries(beir.map((f) => [f.name, f.bytes])));
    const res = loadCorpusFiles([{ name: 'mini.zip', bytes: zip }]);
    expect(res.ok && res.value.docs.length).toBe(3);
  });

  it('names the line of malformed JSON', () => {
    expect(
      error(
        loadCorpusFiles([
          file('corpus.jsonl', '{"_id":"a","text":"x"}\n{"_id": "b", "text": oops}\n'),
        ]),
      ),
    ).toMatch(/^corpus\.jsonl, line 2: not valid JSON/);
  });

  it('rejects missing fields, duplicate ids, empty files and non-UTF-8 bytes', () => {
    expect(
      error(loadCorpusFiles([file('corpus.jsonl', '{"title": "no id", "text": "x"}')])),
    ).toMatch(/line 1: missing field "_id"/);
    expect(error(loadCorpusFiles([file('corpus.jsonl', '{"_id": "a", "title": "t"}')]))).toMatch(
      /has no "text" field/,
    );
    expect(
      error(
        loadCorpusFiles([file('corpus.jsonl', '{"_id":"a","text":"x"}\n{"_id":"a","text":"y"}')]),
      ),
    ).toMatch(/line 2: duplicate document id "a" \(first on line 1\)/);
    expect(error(loadCorpusFiles([file('corpus.jsonl', '  \n')]))).toMatch(/the file is empty/);
    const latin1 = new Uint8Array([...enc('{"_id":"a","text":"caf'), 0xe9, ...enc('"}')]);
    expect(error(loadCorpusFiles([{ name: 'corpus.jsonl', bytes: latin1 }]))).toMatch(
      /line 1: not valid UTF-8/,
    );
  });

  it('rejects malformed qrels lines', () => {
    const res = loadCorpusFiles([
      file('corpus.jsonl', CORPUS),
      file('queries.jsonl', QUERIES),
      file('qrels/test.tsv', 'q1\td1\thigh\n'),
    ]);
    expect(error(res)).toMatch(/qrels\/test\.tsv, line 1: score "high" is not an integer/);
  });
});

describe('loadCorpusFiles: CSV, TSV, text', () => {
  it('reads id,title,text columns in any case and order, with quoted commas', () => {
    const res = loadCorpusFiles([
      file('docs.csv', 'Text,ID,Title\n"Hello, world",x1,Greeting\nBye,x2,\n'),
    ]);
    expect(res.ok && res.value.docs).toEqual([
      { id: 'x1', title: 'Greeting', text: 'Hello, world' },
      { id: 'x2', title: '', text: 'Bye' },
    ]);
  });

  it('reads TSV', () => {
    const res = loadCorpusFiles([file('docs.tsv', 'id\ttext\na\tone, two\n')]);
    expect(res.ok && res.value.docs[0].text).toBe('one, two');
  });

  it('says which columns are missing', () => {
    expect(error(loadCorpusFiles([file('docs.csv', 'name,body\nx,y\n')]))).toMatch(
      /missing "id" \(found: name, body\)/,
    );
  });

  it('splits pasted text into paragraphs with optional title lines', () => {
    const res = loadPastedText(
      'Volcanoes\nMolten rock rises.\n\n  A second paragraph, no title.  \n\n\n',
    );
    expect(res.ok && res.value.docs).toEqual([
      { id: 'p1', title: 'Volcanoes', text: 'Molten rock rises.' },
      { id: 'p2', title: '', text: 'A second paragraph, no title.' },
    ]);
    expect(error(loadPastedText('   \n\n '))).toMatch(/paste at least one paragraph/);
  });

  it('explains what it accepts when nothing matches', () => {
    expect(error(loadCorpusFiles([file('notes.pdf', 'x')]))).toMatch(
      /^notes\.pdf: no corpus found: give a BEIR folder/,
    );
  });
});

describe('loadCorpusFiles: BEIR files picked without their folders', () => {
  it('takes every .tsv beside corpus.jsonl as a qrels split', () => {
    const res = loadCorpusFiles([
      file('corpus.jsonl', CORPUS),
      file('queries.jsonl', QUERIES),
      file('train.tsv', 'q1\td1\t1\n'),
    ]);
    expect(res.ok && Object.keys(res.value.qrels)).toEqual(['train']);
  });
});

describe('loadCorpusFiles: inputs the fuzz test found', () => {
  it('rejects a lone .jsonl whose documents are all blank', () => {
    expect(
      error(loadCorpusFiles([file('docs.jsonl', '{"_id": 4, "title": "", "text": ""}')])),
    ).toBe('docs.jsonl: no documents found');
  });

  it('rejects a CSV of nothing but separators instead of throwing', () => {
    expect(error(loadCorpusFiles([file('docs.csv', ',,,\n , \n')]))).toMatch(
      /^docs\.csv: no header row/,
    );
  });

  it('names a file in every error, and clips values echoed from the input', () => {
    const unknown = loadCorpusFiles([file('a.pdf', 'x'), file('b.pdf', 'y')]);
    expect(!unknown.ok && unknown.file).toBe('a.pdf');
    const two = loadCorpusFiles([file('a.zip', ''), file('b.zip', '')]);
    expect(!two.ok && two.file).toBe('b.zip');
    const id = 'x'.repeat(10_000);
    const dup = error(loadCorpusFiles([file('c.jsonl', `{"_id":"${id}","text":"a"}\n`.repeat(2))]));
    expect(dup.length).toBeLessThan(200);
  });

  it('refuses two qrels files for one split and keeps a split named __proto__', () => {
    const base = [file('corpus.jsonl', CORPUS), file('queries.jsonl', QUERIES)];
    expect(
      error(
        loadCorpusFiles([
          ...base,
          file('a/test.tsv', 'q1\td1\t1'),
          file('b/test.tsv', 'q1\td1\t1'),
        ]),
      ),
    ).toMatch(/^b\/test\.tsv: a second qrels file for the "test" split/);
    const res = loadCorpusFiles([...base, file('__proto__.tsv', 'q1\td1\t1')]);
    expect(res.ok && Object.keys(res.value.qrels)).toEqual(['__proto__']);
  });
});
