import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, TERM_IDS } from './glossary';

/** Every .tsx file under `dir`, recursively. */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The literal ids of every `<Term id="…">` in the page's source, with the file that uses each. */
function termUses(): { id: string; file: string }[] {
  return tsxFiles('src').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/<Term\s+id="([^"]*)"/g)].map((m) => ({
      id: m[1],
      file,
    })),
  );
}

describe('glossary', () => {
  it('defines every term the page marks with <Term id="…">', () => {
    const uses = termUses();
    // the page does use terms: a broken pattern must not pass by finding none
    expect(uses.length).toBeGreaterThan(20);
    const unknown = uses.filter((u) => !(u.id in GLOSSARY)).map((u) => `${u.id} in ${u.file}`);
    expect(unknown).toEqual([]);
  });

  it('has the terms a student meets in the page', () => {
    for (const id of [
      'docid',
      'semantic-docid',
      'atomic-docid',
      'text-docid',
      'naive-docid',
      'trie',
      'beam-search',
      'beam-size',
      'log-probability',
      'hits-at-k',
      'mrr',
      'ndcg',
      'recall',
      'rrf',
      'bm25',
      'dense-retrieval',
      'pseudo-query',
      'dsi',
    ])
      expect(TERM_IDS).toContain(id);
  });

  it('gives every term a name and one to three sentences of definition', () => {
    for (const id of TERM_IDS) {
      const { name, definition } = GLOSSARY[id];
      expect(name.trim(), id).not.toBe('');
      const sentences = definition.match(/[.!?](?=\s|$)/g) ?? [];
      expect(sentences.length, `${id}: ${definition}`).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `${id}: ${definition}`).toBeLessThanOrEqual(3);
      expect(definition.trim().endsWith('.'), id).toBe(true);
    }
  });

  it('names each term once', () => {
    const names = TERM_IDS.map((id) => GLOSSARY[id].name);
    expect(new Set(names).size).toBe(names.length);
  });
});
