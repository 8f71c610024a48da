import fc from 'fast-check';
import { Deflate, deflateSync } from 'fflate';
import { damaged, mutate, mutation, randomBytes } from './loaders.fuzz.bytes';
import { corpusText, qrelsText, queriesText, utf8, VALID } from './loaders.fuzz.generators';

// Zip archives for the fuzz test, written by hand so that every header field can lie.

export interface ZipMember {
  name: string;
  /** the bytes as they unpack */
  content?: Uint8Array;
  /** packed bytes to store as they are (a bomb's stream), with the size they truly unpack to */
  packed?: { bytes: Uint8Array; size: number };
  stored?: boolean;
  /** a size to declare instead of the true one */
  declaredSize?: number;
  method?: number;
  flags?: number;
}

function fields(values: [number, 2 | 4][]): Uint8Array {
  const out = new Uint8Array(values.reduce((n, [, w]) => n + w, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [v, w] of values) {
    if (w === 2) view.setUint16(at, v, true);
    else view.setUint32(at, v, true);
    at += w;
  }
  return out;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

/** A zip of `members`; with `overlap`, every directory entry points at the first member's bytes. */
export function zipOf(members: ZipMember[], overlap = false): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = utf8(m.name);
    const content = m.content ?? new Uint8Array(0);
    const data = m.packed?.bytes ?? (m.stored ? content : deflateSync(content, { level: 1 }));
    const method = m.method ?? (m.stored ? 0 : 8);
    const size = m.declaredSize ?? m.packed?.size ?? content.length;
    const flags = 0x800 | (m.flags ?? 0);
    const at = overlap ? 0 : offset;
    const common: [number, 2 | 4][] = [
      [flags, 2],
      [method, 2],
      [0, 2],
      [0x21, 2],
      [0, 4],
      [data.length, 4],
      [size, 4],
      [name.length, 2],
      [0, 2],
    ];
    if (!overlap || locals.length === 0) {
      locals.push(fields([[0x04034b50, 4], [20, 2], ...common]), name, data);
      offset += 30 + name.length + data.length;
    }
    centrals.push(
      fields([
        [0x02014b50, 4],
        [20, 2],
        [20, 2],
        ...common,
        [0, 2],
        [0, 2],
        [0, 2],
        [0, 4],
        [at, 4],
      ]),
      name,
    );
  }
  const directory = concat(centrals);
  const count = members.length;
  const end = fields([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [count, 2],
    [count, 2],
    [directory.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return concat([...locals, directory, end]);
}

let zeroBlock: Uint8Array | undefined;
/** A deflate stream of `mib` MiB of zeros: one flushed 1 MiB block repeated, then an empty final block. */
export function zerosStream(mib: number): Uint8Array {
  if (!zeroBlock) {
    const parts: Uint8Array[] = [];
    const deflater = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
    deflater.push(new Uint8Array(1024 * 1024));
    deflater.flush(true);
    zeroBlock = concat(parts);
  }
  return concat([...Array<Uint8Array>(mib).fill(zeroBlock), Uint8Array.of(0x03, 0x00)]);
}

export const HOSTILE_NAMES = [
  '../../etc/passwd',
  '/abs/path',
  'a/../../b',
  '..\\..\\evil.txt',
  'scifact\\corpus.jsonl',
  'corpus.jsonl\u0000.txt',
  'C:/Windows/win.ini',
  '..',
  'scifact/../../corpus.jsonl',
  '',
];

const folder = fc.constantFrom('', 'scifact/', 'a/b/');
/** A BEIR folder's members, one of them damaged, with macOS junk and folder entries sometimes. */
const beirMembers: fc.Arbitrary<ZipMember[]> = fc
  .tuple(
    folder,
    fc.option(
      fc.oneof(
        damaged(corpusText).map((b) => [0, b] as const),
        damaged(queriesText).map((b) => [1, b] as const),
        damaged(qrelsText).map((b) => [2, b] as const),
      ),
      { freq: 3 },
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([dir, bad, junk, stored]) => {
    const files = [VALID.corpus, VALID.queries, VALID.qrels].map((t) => utf8(t));
    if (bad) files[bad[0]] = bad[1];
    const names = ['corpus.jsonl', 'queries.jsonl', 'qrels/test.tsv'];
    const members: ZipMember[] = files.map((content, i) => ({
      name: dir + names[i],
      content,
      stored,
    }));
    if (junk)
      members.push(
        { name: `__MACOSX/${dir}._corpus.jsonl`, content: utf8('\u0000\u0005') },
        { name: dir || 'x/', content: new Uint8Array(0) },
      );
    return members;
  });

const validMembers = (dir = 'scifact/'): ZipMember[] =>
  [VALID.corpus, VALID.queries, VALID.qrels].map((t, i) => ({
    name: dir + ['corpus.jsonl', 'queries.jsonl', 'qrels/test.tsv'][i],
    content: utf8(t),
  }));

const hostile = fc.tuple(fc.constantFrom(...HOSTILE_NAMES), fc.nat(3)).map(([name, at]) => {
  const members = validMembers();
  members.splice(at, 0, { name, content: utf8(VALID.corpus) });
  return zipOf(members);
});

/** A BEIR zip inside a zip, `depth` levels down. */
const nested = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([depth, withOthers]) => {
  let zip = zipOf(validMembers());
  for (let d = 0; d < depth; d++)
    zip = zipOf([...(withOthers ? validMembers('') : []), { name: `level${d}.zip`, content: zip }]);
  return zip;
});

/** Zip bombs against a `limit` in bytes: honest or lying sizes, one big member, many, or overlapping entries. */
export function bombs(limit: number) {
  const limitMib = Math.ceil(limit / 2 ** 20);
  return fc
    .tuple(
      fc.integer({ min: limitMib + 1, max: limitMib + 8 }),
      fc.constantFrom('honest', 'lying', 'many', 'overlap', 'overlapLying'),
      fc.integer({ min: 0, max: 4096 }),
    )
    .map(([mib, kind, lie]) => {
      const big = (name: string, size: number): ZipMember => ({
        name,
        packed: { bytes: zerosStream(size), size: size * 2 ** 20 },
      });
      if (kind === 'honest') return zipOf([big('corpus.jsonl', mib)]);
      if (kind === 'lying') return zipOf([{ ...big('corpus.jsonl', mib), declaredSize: lie }]);
      const parts = Math.min(32, mib);
      const each = Math.ceil(mib / parts);
      const members = Array.from({ length: parts }, (_, i) => big(`part${i}.jsonl`, each));
      if (kind === 'many') return zipOf(members);
      return zipOf(
        kind === 'overlap' ? members : members.map((m) => ({ ...m, declaredSize: lie })),
        true,
      );
    });
}

/** A valid BEIR zip whose directory lies: a member's size, its method, its flags, or the entry count. */
const lyingHeaders = fc
  .tuple(
    fc.nat(2),
    fc.constantFrom('size', 'method', 'encrypted', 'count'),
    fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0xffff), fc.nat()),
  )
  .map(([which, what, n]) => {
    const members = validMembers();
    const m = members[which];
    if (what === 'size') m.declaredSize = n % 2 ? n : (m.content?.length ?? 0) + (n % 7) - 3;
    if (what === 'method') m.method = [1, 12, 14, 99][n % 4];
    if (what === 'encrypted') m.flags = 1;
    const zip = zipOf(members);
    if (what === 'count') new DataView(zip.buffer).setUint16(zip.length - 12, n % 0x10000, true);
    return zip;
  });

const mutatedZip = fc
  .tuple(
    beirMembers,
    fc.array(
      mutation.filter((m) => m.kind !== 'utf16'),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([members, ms]) => ms.reduce(mutate, zipOf(members)));

/** Every kind of archive the fuzz test feeds `loadCorpusFiles` (bombs sized for `limit` bytes). */
export function zipArchive(limit: number): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: beirMembers.map((m) => zipOf(m)), weight: 6 },
    { arbitrary: hostile, weight: 2 },
    { arbitrary: nested, weight: 1 },
    { arbitrary: bombs(limit), weight: 2 },
    { arbitrary: lyingHeaders, weight: 2 },
    { arbitrary: mutatedZip, weight: 3 },
    { arbitrary: randomBytes, weight: 1 },
  );
}
