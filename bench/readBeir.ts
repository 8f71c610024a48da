import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { loadCorpusFiles } from '../src/core/corpus/loadCorpusFiles';
import { withDevSplit } from '../src/core/eval/devSplit';
import { describeLoadError, type Corpus, type InputFile } from '../src/core/corpus/types';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Load a BEIR folder from disk with the same loader the page uses, and its dev split carved as the page does. */
export function readBeirFolder(dir: string): Corpus {
  const root = resolve(dir);
  const files: InputFile[] = listFiles(root)
    .filter((p) => /\.(jsonl|tsv)$/.test(p))
    .map((p) => ({ name: `${basename(root)}/${relative(root, p)}`, bytes: readFileSync(p) }));
  const result = loadCorpusFiles(files);
  if (!result.ok) throw new Error(`${dir}: ${describeLoadError(result)}`);
  for (const w of result.warnings) console.warn(`${dir}: ${w}`);
  return withDevSplit(result.value);
}

/** The collection with every qrels split but `split` dropped: models learn from documents alone. */
export function withoutTrainQueries(corpus: Corpus, split: string): Corpus {
  return {
    ...corpus,
    name: `${corpus.name} (no train queries)`,
    qrels: { [split]: corpus.qrels[split] },
  };
}
