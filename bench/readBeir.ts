import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { loadCorpusFiles } from '../src/core/corpus/loadCorpusFiles';
import { describeLoadError, type Corpus, type InputFile } from '../src/core/corpus/types';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Load a BEIR folder from disk with the same loader the page uses. */
export function readBeirFolder(dir: string): Corpus {
  const root = resolve(dir);
  const files: InputFile[] = listFiles(root)
    .filter((p) => /\.(jsonl|tsv)$/.test(p))
    .map((p) => ({ name: `${basename(root)}/${relative(root, p)}`, bytes: readFileSync(p) }));
  const result = loadCorpusFiles(files);
  if (!result.ok) throw new Error(`${dir}: ${describeLoadError(result)}`);
  for (const w of result.warnings) console.warn(`${dir}: ${w}`);
  return result.value;
}
