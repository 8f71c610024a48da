import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { unzipFiles } from '../core/corpus/zip';
import type { DenseCheckpointFiles } from './dense/denseCheckpoint';
import type { DsiCheckpointFiles } from './loadCheckpoint';

/**
 * A model bundle: one .zip that moves a trained model between browsers. It holds the model's
 * checkpoint files (the same ones `npm run train:demo` writes) and `bundle.json`, which names the
 * format version, what the model is, and the SHA-256 and size of every other member. Reading one
 * checks all of that before anything is kept, and says which member is wrong.
 */
export const BUNDLE_FORMAT = 'genir-bundle-1';

export type BundleKind = 'generative' | 'dense';
export type BundleFiles = DsiCheckpointFiles | DenseCheckpointFiles;

/** What the bundle says about its model (the Saved list's fields). */
export interface BundleModel {
  kind: BundleKind;
  name: string;
  corpusName: string;
  /** corpusFingerprint of the corpus it was trained on */
  corpusKey: string;
  docCount: number;
  /** e.g. "atomic docids, 0.82 M parameters" */
  detail: string;
  metrics: Record<string, number>;
  metricsSplit: string;
}

interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  model: BundleModel;
  exportedAt: string;
  members: Record<string, { sha256: string; bytes: number }>;
}

/** Which member holds each part of a checkpoint, per kind ('.bin' parts are raw bytes). */
const MEMBERS: Record<BundleKind, Record<string, string>> = {
  generative: {
    manifest: 'model.json',
    weights: 'weights.bin',
    tokenizer: 'tokenizer.json',
    docids: 'docids.json',
    metrics: 'metrics.json',
    config: 'config.json',
  },
  dense: {
    manifest: 'model.json',
    weights: 'weights.bin',
    tokenizer: 'tokenizer.json',
    embeddings: 'embeddings.bin',
  },
};

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The model's files and description as one .zip (weights stored, JSON deflated). */
export async function makeBundle(model: BundleModel, files: BundleFiles): Promise<Uint8Array> {
  const parts = files as unknown as Record<string, unknown>;
  const zippable: Zippable = {};
  const members: BundleManifest['members'] = {};
  for (const [part, member] of Object.entries(MEMBERS[model.kind])) {
    const value = parts[part];
    if (value === undefined) throw new Error(`the ${model.kind} model has no ${part}`);
    const bytes = value instanceof Uint8Array ? value : strToU8(JSON.stringify(value));
    zippable[member] = [bytes, { level: member.endsWith('.bin') ? 0 : 6 }];
    members[member] = { sha256: await sha256(bytes), bytes: bytes.byteLength };
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    model,
    exportedAt: new Date().toISOString(),
    members,
  };
  zippable['bundle.json'] = [strToU8(JSON.stringify(manifest, null, 1)), { level: 6 }];
  return zipSync(zippable);
}

export type ReadBundle =
  { ok: true; model: BundleModel; files: BundleFiles } | { ok: false; error: string };

const parseJson = (bytes: Uint8Array): unknown => JSON.parse(strFromU8(bytes));

/** Whether the weights and embeddings have the sizes the model's description gives them. */
function shapeProblem(model: BundleModel, files: Record<string, unknown>): string | null {
  const manifest = files.manifest as { weights?: { shape: number[] }[] };
  if (!Array.isArray(manifest?.weights)) return 'model.json has no weight table';
  const floats = manifest.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  const weights = files.weights as Uint8Array;
  if (weights.byteLength !== floats * 4)
    return `weights.bin holds ${weights.byteLength} bytes; model.json's weight table needs ${floats * 4}`;
  if (model.kind === 'generative') {
    const docs = Object.keys((files.docids as { docids?: object }).docids ?? {}).length;
    if (docs !== model.docCount)
      return `docids.json maps ${docs} documents; bundle.json says ${model.docCount}`;
  } else {
    const m = files.manifest as { embeddings?: { count: number; dim: number } };
    const e = files.embeddings as Uint8Array;
    if (!m.embeddings || e.byteLength !== m.embeddings.count * m.embeddings.dim * 4)
      return `embeddings.bin holds ${e.byteLength} bytes, not the count × dim × 4 that model.json gives`;
    if (m.embeddings.count !== model.docCount)
      return `embeddings.bin has ${m.embeddings.count} documents; bundle.json says ${model.docCount}`;
  }
  return null;
}

/** Check and unpack a bundle: format version, every member's hash and size, then the shapes. */
export async function readBundle(name: string, bytes: Uint8Array): Promise<ReadBundle> {
  const refuse = (error: string): ReadBundle => ({ ok: false, error: `${name}: ${error}` });
  const unzipped = unzipFiles({ name, bytes });
  if (!unzipped.ok) return refuse(unzipped.error);
  const byName = new Map(unzipped.value.map((f) => [f.name, f.bytes]));
  const head = byName.get('bundle.json');
  if (!head) return refuse('not a model bundle (no bundle.json inside)');
  let manifest: BundleManifest;
  try {
    manifest = parseJson(head) as BundleManifest;
  } catch {
    return refuse('bundle.json is not valid JSON');
  }
  if (manifest.format !== BUNDLE_FORMAT)
    return refuse(
      `bundle format ${JSON.stringify(manifest.format)} is not one this page reads (${BUNDLE_FORMAT})`,
    );
  const kind = manifest.model?.kind;
  if (kind !== 'generative' && kind !== 'dense')
    return refuse(`bundle.json names an unknown kind of model (${JSON.stringify(kind)})`);
  const files: Record<string, unknown> = {};
  for (const [part, member] of Object.entries(MEMBERS[kind])) {
    const data = byName.get(member);
    const expected = manifest.members?.[member];
    if (!data) return refuse(`${member} is missing`);
    if (!expected) return refuse(`bundle.json does not list ${member}`);
    if (data.byteLength !== expected.bytes)
      return refuse(
        `${member} holds ${data.byteLength} bytes; bundle.json says ${expected.bytes} (truncated?)`,
      );
    if ((await sha256(data)) !== expected.sha256)
      return refuse(`${member} does not match its SHA-256 in bundle.json: the file is damaged`);
    if (member.endsWith('.bin')) files[part] = data.slice();
    else {
      try {
        files[part] = parseJson(data);
      } catch {
        return refuse(`${member} is not valid JSON`);
      }
    }
  }
  const problem = shapeProblem(manifest.model, files);
  if (problem) return refuse(problem);
  return { ok: true, model: manifest.model, files: files as unknown as BundleFiles };
}
