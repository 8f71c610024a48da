import { strFromU8 } from 'fflate';

/** One member as the archive's central directory lists it; sizes are claims, not facts. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else we cannot read */
  method: number;
  /** general-purpose flags; bit 0 = encrypted */
  flags: number;
  compressedSize: number;
  /** the declared uncompressed size (a hostile archive may lie) */
  size: number;
  /** offset of the member's packed bytes */
  dataStart: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; error: string };

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const u16 = (d: Uint8Array, i: number) => d[i] | (d[i + 1] << 8);
const u32 = (d: Uint8Array, i: number) =>
  (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24)) >>> 0;
const u64 = (d: Uint8Array, i: number) => u32(d, i) + u32(d, i + 4) * 2 ** 32;
const damaged = (what: string): ZipDirectory => ({
  ok: false,
  error: `not a readable zip archive (${what})`,
});

/** The end record sits in the last 22 bytes, before a comment of at most 65,535 bytes. */
function findEndRecord(d: Uint8Array): number {
  const stop = Math.max(0, d.length - 22 - 0xffff);
  for (let i = d.length - 22; i >= stop; i--) if (u32(d, i) === END) return i;
  return -1;
}

/** ZIP64 extra field (id 1): 8-byte values for the fields whose 4-byte slot holds 0xFFFFFFFF. */
function zip64Fields(d: Uint8Array, from: number, to: number, fields: number[]): number[] {
  for (let p = from; p + 4 <= to; p += 4 + u16(d, p + 2)) {
    if (u16(d, p) !== 1) continue;
    let at = p + 4;
    return fields.map((v) => {
      if (v !== MAX32 || at + 8 > to) return v;
      at += 8;
      return u64(d, at - 8);
    });
  }
  return fields;
}

/**
 * Read the central directory (the list fflate's `unzipSync` walks too), checking every offset and
 * length against the archive's bytes; the listing stops at `maxEntries` without reading the rest.
 */
export function readZipDirectory(d: Uint8Array, maxEntries: number): ZipDirectory {
  const end = findEndRecord(d);
  if (end < 0) return damaged('no end-of-archive record');
  let count = u16(d, end + 10);
  let offset = u32(d, end + 16);
  if (end >= 20 && u32(d, end - 20) === END64_LOCATOR) {
    const at = u64(d, end - 12);
    if (at + 56 > d.length || u32(d, at) !== END64) return damaged('bad ZIP64 end record');
    count = u64(d, at + 32);
    offset = u64(d, at + 48);
  }
  if (count > maxEntries) {
    return {
      ok: false,
      error: `the archive lists ${count.toLocaleString('en')} entries; at most ${maxEntries.toLocaleString('en')} are accepted`,
    };
  }
  const entries: ZipEntry[] = [];
  for (let p = offset, n = 1; n <= count; n++) {
    if (p + 46 > d.length || u32(d, p) !== CENTRAL) return damaged(`entry ${n} is missing`);
    const flags = u16(d, p + 8);
    const nameEnd = p + 46 + u16(d, p + 28);
    const extraEnd = nameEnd + u16(d, p + 30);
    const next = extraEnd + u16(d, p + 32);
    if (next > d.length) return damaged(`entry ${n} runs past the end`);
    // bit 11 says the name is UTF-8; without it, zip tools mean code page 437 (latin1 is close)
    const name = strFromU8(d.subarray(p + 46, nameEnd), !(flags & 0x800));
    const [size, compressedSize, local] = zip64Fields(d, nameEnd, extraEnd, [
      u32(d, p + 24),
      u32(d, p + 20),
      u32(d, p + 42),
    ]);
    if (local + 30 > d.length || u32(d, local) !== LOCAL) {
      return damaged(`entry ${n} points at no member`);
    }
    const dataStart = local + 30 + u16(d, local + 26) + u16(d, local + 28);
    if (dataStart + compressedSize > d.length) return damaged(`entry ${n} runs past the end`);
    entries.push({ name, method: u16(d, p + 10), flags, compressedSize, size, dataStart });
    p = next;
  }
  return { ok: true, entries };
}
