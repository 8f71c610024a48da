import fc from 'fast-check';
import { utf8 } from './loaders.fuzz.generators';

// Byte-level damage for the fuzz test: cut characters, BOMs, UTF-16 re-encoding, flips, truncation.

/** Byte sequences that break UTF-8: cut multi-byte characters, a surrogate, an overlong form. */
const PARTIAL_UTF8 = [
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xff],
  [0x80],
];
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

type Mutation =
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'cut'; at: number }
  | { kind: 'cutChar'; at: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'utf16'; le: boolean };

const byte = fc.integer({ min: 0, max: 255 });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(fc.constantFrom(...PARTIAL_UTF8, ...BOMS), fc.array(byte, { maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cutChar' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: byte }),
  fc.record({ kind: fc.constant('utf16' as const), le: fc.boolean() }),
);

function utf16(bytes: Uint8Array, le: boolean): Uint8Array {
  const text = '\uFEFF' + new TextDecoder().decode(bytes);
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), le);
  return out;
}

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = 'at' in m ? m.at % (bytes.length + 1) : 0;
  switch (m.kind) {
    case 'insert':
      return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    case 'cut':
      return bytes.slice(0, at);
    case 'cutChar': {
      // keep a multi-byte character's lead byte and drop the rest of the file
      const leads = [...bytes.keys()].filter((i) => bytes[i] >= 0xc0);
      return leads.length ? bytes.slice(0, leads[m.at % leads.length] + 1) : bytes;
    }
    case 'flip':
      return bytes.length ? bytes.map((b, i) => (i === at % bytes.length ? m.value : b)) : bytes;
    case 'utf16':
      return utf16(bytes, m.le);
  }
}

/** Text encoded as UTF-8, then (in 2 cases of 5) one or two byte-level mutations. */
export function damaged(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  const mutations = fc.oneof(
    { arbitrary: fc.constant([]), weight: 3 },
    { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }), weight: 2 },
  );
  return fc.tuple(text, mutations).map(([t, ms]) => ms.reduce(mutate, utf8(t)));
}

export const randomBytes = fc.uint8Array({ maxLength: 512 });
