import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpointBytes } from './checkpointFiles';

const DIR = 'public/models/genir-demo/';
const NAMES = ['model.json', 'weights.bin', 'tokenizer.json', 'docids.json', 'metrics.json'];
const bytesOf = (name: string) => {
  const b = readFileSync(DIR + name);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

describe('parseCheckpointBytes (the files the page downloads for the engine)', () => {
  it('parses the JSON files and keeps the weights as bytes', () => {
    const files = parseCheckpointBytes([...NAMES, 'config.json'].map(bytesOf));
    expect(files.manifest.format).toBe('genir-dsi-1');
    expect(files.weights.byteLength).toBe(readFileSync(DIR + 'weights.bin').byteLength);
    expect(Object.keys(files.docids.docids).length).toBeGreaterThan(100);
    expect(files.config).toEqual(JSON.parse(readFileSync(DIR + 'config.json', 'utf8')));
  });

  it('names the file that is not JSON, and refuses a wrong number of files', () => {
    const broken = [...NAMES.map(bytesOf), new TextEncoder().encode('{oops').buffer];
    expect(() => parseCheckpointBytes(broken)).toThrow(/config\.json is not JSON/);
    expect(() => parseCheckpointBytes(NAMES.map(bytesOf))).toThrow(/6 files, not 5/);
  });
});
