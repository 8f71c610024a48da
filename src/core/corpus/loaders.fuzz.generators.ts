import fc from 'fast-check';

// Malformed text for the corpus loaders: valid BEIR structure with corruption mixed in, so the
// parsers get deep before they fail (byte-level damage is in loaders.fuzz.bytes.ts).

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** A small valid collection, with multi-byte characters for the cuts to land in. */
export const DOCS = [
  { _id: 'd1', title: 'Cats', text: 'Cats purr when content.' },
  { _id: 'd2', title: 'Dogs', text: 'Dogs bark — café, naïve, 猫 🐈.' },
  { _id: 'd3', text: 'Volcanoes erupt molten rock.' },
  { _id: 4, title: '', text: 'A numeric id.' },
];
export const QUERIES = [
  { _id: 'q1', text: 'do cats purr' },
  { _id: 'q2', text: 'barking dogs €' },
  { _id: 'q3', text: 'lava' },
];
export const VALID = {
  corpus: jsonl(DOCS),
  queries: jsonl(QUERIES),
  qrels: 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2\nq3\td3\t1\n',
  csv: 'id,title,text\nd1,Cats,"Cats purr, loudly."\nd2,Dogs,Dogs bark — 猫\n',
  tsv: 'id\ttitle\ttext\nd1\tCats\tCats purr.\nd2\tDogs\tDogs bark — 猫\n',
  txt: 'Volcanoes\nMolten rock rises.\n\nA second paragraph, café 🐈.\n',
};

/** Values that do not belong in a string field. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, '', '   ', '\u0000', '\uFEFF'),
  fc.constantFrom<unknown>([], {}, [1, 2], { a: 1 }, 'd1', 'q1', '__proto__', 'constructor'),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Lines no JSON object parser should accept, or that only just parse. */
const BROKEN_LINES = [
  '{',
  '}',
  '[]',
  '"a string"',
  '42',
  'null',
  'true',
  '{"_id": "a", "text": oops}',
  '{"_id": 1e400, "text": "infinite id"}',
  '{"_id": "a", "text": "no closing brace"',
  '{"_id":"a","text":"x"}{"_id":"b","text":"two on a line"}',
  '{"__proto__": {"_id": "p"}, "text": "prototype"}',
  '{"_id": "c", "text": "lone surrogate \\ud800"}',
  '\uFEFF{"_id": "bom", "text": "a BOM at the line start"}',
  '{"_id": "nul\\u0000id", "text": "NUL in the id"}',
  '['.repeat(5000) + ']'.repeat(5000),
];

/** JSONL text: valid lines mixed with objects of odd field types, broken lines and blanks. */
function jsonlText(validRows: object[], fields: Record<string, fc.Arbitrary<unknown>>) {
  const valid = validRows.map((r) => JSON.stringify(r));
  const object = fc.record(fields, { requiredKeys: [] }).map((o) => JSON.stringify(o));
  const blankObject = fc
    .record(
      { _id: fields._id, title: fc.constantFrom('', ' '), text: fc.constantFrom('', ' \t') },
      { requiredKeys: ['_id'] },
    )
    .map((o) => JSON.stringify(o));
  const cut = fc
    .tuple(fc.constantFrom(...valid), fc.nat())
    .map(([l, n]) => l.slice(0, n % l.length));
  const line = fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 8 },
    { arbitrary: object, weight: 4 },
    { arbitrary: fc.constantFrom(...BROKEN_LINES), weight: 1 },
    { arbitrary: cut, weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? ''), weight: 1 },
    { arbitrary: fc.oneof(fc.string(), fc.constantFrom('', '  ', '\r')), weight: 1 },
  );
  // files of one kind of line too: all blank documents, all broken lines, all odd objects
  const lines = fc.oneof(
    { arbitrary: fc.array(line, { maxLength: 8 }), weight: 4 },
    {
      arbitrary: fc
        .oneof(object, blankObject, cut)
        .chain((l) => fc.array(fc.constant(l), { minLength: 1, maxLength: 3 })),
      weight: 1,
    },
  );
  return fc.tuple(lines, fc.constantFrom('\n', '\r\n')).map(([ls, eol]) => ls.join(eol));
}

/** Mostly `good`, sometimes an odd value. */
const mostly = (good: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: oddValue, weight: 1 });
export const corpusText = jsonlText(DOCS, {
  _id: mostly(fc.constantFrom('d1', 'd2', 'd3', '4', 4, 'x', 'y', 'z')),
  id: oddValue,
  title: mostly(fc.string({ unit: 'grapheme', maxLength: 10 })),
  text: mostly(fc.string({ unit: 'grapheme', maxLength: 20 })),
});
export const queriesText = jsonlText(QUERIES, {
  _id: mostly(fc.constantFrom('q1', 'q2', 'q3', 'q4', 7)),
  text: mostly(fc.string({ maxLength: 20 })),
});

const qrelsQuery = fc.constantFrom('q1', 'q2', 'q3', 'q9', 'd1', '', '__proto__');
const qrelsDoc = fc.constantFrom('d1', 'd2', 'd3', '4', 'nope', '');
const score = fc.oneof(
  { arbitrary: fc.integer({ min: -1, max: 3 }).map(String), weight: 12 },
  {
    arbitrary: fc.constantFrom('1.5', 'high', 'NaN', 'Infinity', '1e3', '1e400', '0x10'),
    weight: 1,
  },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.string({ maxLength: 4 }), weight: 1 },
);
/** Qrels lines: BEIR triples, TREC quads, wrong column counts, bad scores, unknown ids. */
export const qrelsText = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: fc.tuple(qrelsQuery, qrelsDoc, score).map((c) => c.join('\t')), weight: 12 },
        {
          arbitrary: fc.tuple(qrelsQuery, qrelsDoc, score).map(([q, d, s]) => `${q} 0 ${d} ${s}`),
          weight: 1,
        },
        {
          arbitrary: fc
            .array(fc.string({ maxLength: 5 }), { maxLength: 7 })
            .map((c) => c.join('\t')),
          weight: 1,
        },
        {
          arbitrary: fc.constantFrom(
            'query-id\tcorpus-id\tscore',
            'query_id corpus_id score',
            'q1\td1',
            'q1\td1\t1\tx\ty',
            '\t\t',
            'q1  d1  1',
          ),
          weight: 1,
        },
      ),
      { maxLength: 8 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => lines.join(eol));

const column = fc.constantFrom(
  'id',
  'ID',
  '_id',
  'doc_id',
  'text',
  'Text',
  'body',
  'abstract',
  'title',
  'name',
  '',
  ' id ',
  '"id"',
  '"id,text"',
  '\uFEFFid',
);
const cell = fc.oneof(
  fc.constantFrom(
    'd1',
    'd2',
    'd1',
    '',
    '  ',
    '"',
    '""',
    '"quoted, comma"',
    '"multi\nline"',
    'a,b',
    'a\tb',
    'x"y',
  ),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
/** Delimited text: headers with and without the needed columns, quotes, ragged rows, odd separators. */
export function delimitedText(valid: string) {
  const table = fc
    .tuple(
      fc.array(column, { maxLength: 5 }),
      fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }),
      fc.constantFrom(',', '\t', ';', '|'),
      fc.constantFrom('\n', '\r\n', '\r'),
    )
    .map(([header, rows, sep, eol]) => [header, ...rows].map((r) => r.join(sep)).join(eol));
  const validPlusRows = fc
    .array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 })
    .map((rows) => valid + rows.map((r) => r.join(valid.includes('\t') ? '\t' : ',')).join('\n'));
  // rows of nothing but separators and blanks, which greedy empty-line skipping drops
  const blank = fc
    .array(fc.array(fc.constantFrom('', ' ', '\t', ','), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((rows) => rows.map((r) => r.join(',')).join('\n'));
  return fc.oneof(
    { arbitrary: table, weight: 3 },
    { arbitrary: validPlusRows, weight: 2 },
    { arbitrary: blank, weight: 1 },
  );
}

/** Pasted text: any code units (lone surrogates included), paragraph breaks, BOMs and NULs. */
export const pastedText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(
          '\n',
          '\n\n',
          '\r\n\r\n',
          '  \n \t\n',
          ' ',
          '\uFEFF',
          '\u0000',
          'Title\nBody.',
          '\u2028',
        ),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);
