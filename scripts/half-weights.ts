// npm run half-weights -- DIR — store a generative checkpoint's weights.bin as float16 (half the
// bytes the page downloads before its first answer; the model still computes in float32). The
// shipped checkpoint (public/models/genir-demo/) is stored so; `npm run train:demo` writes it so.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { halveWeights, type WeightEntry, type WeightsDtype } from '../src/models/weightTable';

export function halveCheckpointDir(dir: string): void {
  const manifestPath = join(dir, 'model.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    weights: WeightEntry[];
    weightsDtype?: WeightsDtype;
  };
  if ((manifest.weightsDtype ?? 'float32') !== 'float32')
    throw new Error(`${manifestPath}: the weights are ${manifest.weightsDtype} already`);
  const file = readFileSync(join(dir, 'weights.bin'));
  const bytes = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
  const half = halveWeights(manifest.weights, bytes as ArrayBuffer);
  writeFileSync(join(dir, 'weights.bin'), half.bytes);
  const halved = { ...manifest, weights: half.table, weightsDtype: 'float16' };
  writeFileSync(manifestPath, JSON.stringify(halved) + '\n');
  console.log(`${dir}: weights.bin ${file.byteLength} → ${half.bytes.byteLength} bytes (float16)`);
}

if (process.argv[1]?.endsWith('half-weights.ts')) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npm run half-weights -- DIR');
  halveCheckpointDir(dir);
}
