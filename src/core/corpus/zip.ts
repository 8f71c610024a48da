import { Inflate } from 'fflate';
import { fail, formatBytes, quoted, type InputFile, type Parsed } from './types';
import { readZipDirectory, type ZipEntry } from './zipDirectory';

/** How far a dropped .zip may unpack: guards the tab against zip bombs and hostile archives. */
export interface ZipLimits {
  /** Bytes all members may unpack to, declared or actual. Default MAX_UNZIPPED_BYTES. */
  maxUnzippedBytes: number;
  /** Entries the central directory may list. Default MAX_ZIP_ENTRIES. */
  maxEntries: number;
}

/** 512 MiB: a tab holds the text several times over (strings, index, model inputs); sane range 1–1024 MiB. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/** 10,000 entries: a BEIR folder has a handful; more is a sign of a bomb, not of a corpus. */
export const MAX_ZIP_ENTRIES = 10_000;
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUnzippedBytes: MAX_UNZIPPED_BYTES,
  maxEntries: MAX_ZIP_ENTRIES,
};

/** Deflate's most extreme expansion: a 258-byte copy coded in 2 bits. */
const DEFLATE_MAX_RATIO = 1032;
/** Packed bytes fed to the inflater per step: at DEFLATE_MAX_RATIO, one step yields ≤ ~17 MB. */
const INFLATE_STEP = 16 * 1024;

/** Why a member's name marks the archive as hostile or broken, or null when it is an ordinary path. */
function unsafeName(name: string): string | null {
  if (name === '') return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'has a backslash in its name';
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'has an absolute path';
  if (name.split('/').includes('..')) return 'climbs out of its folder with ".."';
  return null;
}

const ignored = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/');

/** The member's bytes, or why they cannot be had; never more than its declared size. */
function unpack(archive: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const packed = archive.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    return packed.length === entry.size
      ? packed
      : `is damaged: it holds ${packed.length} bytes but declares ${entry.size}`;
  }
  if (entry.size > entry.compressedSize * DEFLATE_MAX_RATIO + 1024) {
    return `declares ${formatBytes(entry.size)}, more than its ${formatBytes(entry.compressedSize)} of packed bytes can hold: the archive is damaged`;
  }
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let overflow = false;
  // Streamed step by step so that a lying header stops us at its declared size, not at the bomb's
  const inflater = new Inflate((chunk) => {
    if (overflow || filled + chunk.length > out.length) overflow = true;
    else out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    for (let at = 0; !overflow; at += INFLATE_STEP) {
      const last = at + INFLATE_STEP >= packed.length;
      inflater.push(packed.subarray(at, at + INFLATE_STEP), last);
      if (last) break;
    }
  } catch (e) {
    return `is damaged (${(e as Error).message})`;
  }
  if (overflow) {
    return `unpacks to more than the ${formatBytes(entry.size)} it declares: the archive is damaged or built to exhaust memory`;
  }
  if (filled !== entry.size) {
    return `is damaged: it unpacks to ${filled} bytes but declares ${entry.size}`;
  }
  return out;
}

/** Check every listed entry before unpacking any: names, nesting, methods, the declared total. */
function entriesToUnpack(entries: ZipEntry[], limits: ZipLimits): ZipEntry[] | string {
  let declared = 0;
  const kept: ZipEntry[] = [];
  for (const entry of entries) {
    const name = quoted(entry.name);
    const unsafe = unsafeName(entry.name);
    if (unsafe)
      return `refusing the archive: entry ${name} ${unsafe}, a sign of a broken or hostile zip`;
    if (ignored(entry.name)) continue;
    if (entry.name.toLowerCase().endsWith('.zip')) {
      return `holds another archive, ${name}: unzip that one and drop its files (archives inside archives are not opened)`;
    }
    if (entry.flags & 1) return `entry ${name} is encrypted; zip the files without a password`;
    if (entry.method !== 0 && entry.method !== 8) {
      return `entry ${name} uses compression method ${entry.method}; re-zip with ordinary (Deflate) compression`;
    }
    declared += entry.size;
    if (declared > limits.maxUnzippedBytes) {
      return `the archive would unpack to more than ${formatBytes(limits.maxUnzippedBytes)}; load a smaller corpus or drop its files unzipped`;
    }
    kept.push(entry);
  }
  return kept.length > 0 ? kept : 'the zip archive holds no files';
}

/**
 * The files inside a .zip (folders kept in their names; macOS metadata dropped). Refuses archives
 * that nest archives, name paths outside their folder, or would unpack past `limits`.
 */
export function unzipFiles(
  zip: InputFile,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Parsed<InputFile[]> {
  const directory = readZipDirectory(zip.bytes, limits.maxEntries);
  if (!directory.ok) return fail(directory.error, zip.name);
  const kept = entriesToUnpack(directory.entries, limits);
  if (typeof kept === 'string') return fail(kept, zip.name);
  const files: InputFile[] = [];
  for (const entry of kept) {
    const bytes = unpack(zip.bytes, entry);
    if (typeof bytes === 'string') return fail(`entry ${quoted(entry.name)} ${bytes}`, zip.name);
    files.push({ name: entry.name, bytes });
  }
  return { ok: true, value: files, warnings: [] };
}
