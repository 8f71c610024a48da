import { unzipSync } from 'fflate';
import { fail, type InputFile, type Parsed } from './types';

/** The files inside a .zip (folders kept in their names; macOS metadata dropped). */
export function unzipFiles(zip: InputFile): Parsed<InputFile[]> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip.bytes);
  } catch (e) {
    return fail(`not a readable zip archive (${(e as Error).message})`, zip.name);
  }
  const files = Object.entries(entries)
    .filter(([name]) => !name.endsWith('/') && !name.startsWith('__MACOSX/'))
    .map(([name, bytes]) => ({ name, bytes }));
  if (files.length === 0) return fail('the zip archive holds no files', zip.name);
  return { ok: true, value: files, warnings: [] };
}
