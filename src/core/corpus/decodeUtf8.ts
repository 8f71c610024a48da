import { fail, formatBytes, type Parsed } from './types';

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 256 MiB per file: V8 strings stop near 512 M UTF-16 units, and parsing copies the text. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

/** Decode strict UTF-8 (a leading BOM is dropped); invalid bytes give an error naming the line. */
export function decodeUtf8(bytes: Uint8Array, file: string): Parsed<string> {
  if (bytes.length > MAX_TEXT_BYTES) {
    return fail(
      `the file is too large to read (${formatBytes(bytes.length)}; at most ${formatBytes(MAX_TEXT_BYTES)} per file)`,
      file,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(
      'the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8',
      file,
      1,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    const bad = firstInvalidUtf8(bytes);
    // the decoder can fail for reasons other than bad bytes (e.g. a string past the engine's limit)
    if (bad < 0) return fail(`could not be read as text (${(e as Error).message})`, file);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    return fail(
      `not valid UTF-8 text (byte ${bad} is 0x${bytes[bad].toString(16).padStart(2, '0')}); save the file as UTF-8`,
      file,
      line,
    );
  }
  return { ok: true, value: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, warnings: [] };
}
