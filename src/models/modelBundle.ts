import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { unzipFiles } from '../core/corpus/zip';
import type { DenseCheckpointFiles } from './dense/denseCheckpoint';
import type { DsiCheckpointFiles } from './readDsiCheckpoint';
import type { QueryGenCheckpointFiles } from './queryGenCheckpoint';
import { DSI_CHECKPOINT_FILES } from './checkpointFiles';
import { bytesPerWeight, type WeightsDtype } from './weightTable';

/**
 * A model bundle: one .zip that moves a trained model between browsers. It holds the model's
 * checkpoint files (the same ones `npm run train:demo` writes) and `bundle.json`, which names the
 * format version, what the model is, and the SHA-256 and size of every other member. Reading one
 * checks all of that before anything is kept, and says which member is wrong.
 */
export const BUNDLE_FORMAT = 'genir-bundle-1';

export type BundleKind = 'generative' | 'dense' | 'querygen';
export type BundleFiles = DsiCheckpointFiles | DenseCheckpointFiles | QueryGenCheckpointFiles;
export const BUNDLE_KINDS: readonly BundleKind[] = ['generative', 'dense', 'querygen'];

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

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  model: BundleModel;
  exportedAt: string;
  members: Record<string, { sha256: string; bytes: number }>;
}

/** Which member holds each part of a checkpoint, per kind ('.bin' parts are raw bytes). */
const MEMBERS: Record<BundleKind, Record<string, string>> = {
  generative: DSI_CHECKPOINT_FILES,
  dense: {
    manifest: 'model.json',
    weights: 'weights.bin',
    tokenizer: 'tokenizer.json',
    embeddings: 'embeddings.bin',
  },
  querygen: {
    manifest: 'model.json',
    weights: 'weights.bin',
    tokenizer: 'tokenizer.json',
  },
};

export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Members of one model's files, under `prefix` ('' or e.g. 'dense/'), with their hashes. */
export async function modelMembers(
  kind: BundleKind,
  files: BundleFiles,
  prefix = '',
): Promise<{ zippable: Zippable; members: BundleManifest['members'] }> {
  const parts = files as unknown as Record<string, unknown>;
  const zippable: Zippable = {};
  const members: BundleManifest['members'] = {};
  for (const [part, member] of Object.entries(MEMBERS[kind])) {
    const value = parts[part];
    if (value === undefined) throw new Error(`the ${kind} model has no ${part}`);
    const bytes = value instanceof Uint8Array ? value : strToU8(JSON.stringify(value));
    zippable[prefix + member] = [bytes, { level: member.endsWith('.bin') ? 0 : 6 }];
    members[prefix + member] = { sha256: await sha256(bytes), bytes: bytes.byteLength };
  }
  return { zippable, members };
}

/** The model's files and description as one .zip (weights stored, JSON deflated). */
export async function makeBundle(model: BundleModel, files: BundleFiles): Promise<Uint8Array> {
  const { zippable, members } = await modelMembers(model.kind, files);
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

export const parseJson = (bytes: Uint8Array): unknown => JSON.parse(strFromU8(bytes));

/** Whether the weights and embeddings have the sizes the model's description gives them. */
function shapeProblem(model: BundleModel, files: Record<string, unknown>): string | null {
  const manifest = files.manifest as {
    weights?: { shape: number[] }[];
    weightsDtype?: WeightsDtype;
  };
  if (!Array.isArray(manifest?.weights)) return 'model.json has no weight table';
  const floats = manifest.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  const weights = files.weights as Uint8Array;
  const needed = floats * bytesPerWeight(manifest.weightsDtype);
  if (weights.byteLength !== needed)
    return `weights.bin holds ${weights.byteLength} bytes; model.json's weight table needs ${needed}`;
  if (model.kind === 'querygen') return null;
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

/** A member's bytes when bundle.json lists it with its size and SHA-256, else what is wrong. */
export async function checkedMember(
  member: string,
  byName: ReadonlyMap<string, Uint8Array>,
  listed: BundleManifest['members'] | undefined,
): Promise<Uint8Array | string> {
  const data = byName.get(member);
  const expected = listed?.[member];
  if (!data) return `${member} is missing`;
  if (!expected) return `bundle.json does not list ${member}`;
  if (data.byteLength !== expected.bytes)
    return `${member} holds ${data.byteLength} bytes; bundle.json says ${expected.bytes} (truncated?)`;
  if ((await sha256(data)) !== expected.sha256)
    return `${member} does not match its SHA-256 in bundle.json: the file is damaged`;
  return data;
}

/**
 * One model's files out of a bundle's members (under `prefix`): each member present, listed, of
 * its listed size and SHA-256, JSON where it should be, then the shapes; or what is wrong.
 */
export async function readModelMembers(
  model: BundleModel,
  byName: ReadonlyMap<string, Uint8Array>,
  listed: BundleManifest['members'] | undefined,
  prefix = '',
): Promise<{ ok: true; files: BundleFiles } | { ok: false; error: string }> {
  const refuse = (error: string) => ({ ok: false as const, error });
  const files: Record<string, unknown> = {};
  for (const [part, name] of Object.entries(MEMBERS[model.kind])) {
    const member = prefix + name;
    const data = await checkedMember(member, byName, listed);
    if (typeof data === 'string') return refuse(data);
    if (member.endsWith('.bin')) files[part] = data.slice();
    else {
      try {
        files[part] = parseJson(data);
      } catch {
        return refuse(`${member} is not valid JSON`);
      }
    }
  }
  const problem = shapeProblem(model, files);
  if (problem) return refuse(prefix ? `${prefix.replace(/\/$/, '')}: ${problem}` : problem);
  return { ok: true, files: files as unknown as BundleFiles };
}

/** A bundle's members by name and its parsed bundle.json, or what keeps it from being read. */
export function openBundleZip(
  bytes: Uint8Array,
  name: string,
):
  | { ok: true; byName: Map<string, Uint8Array>; head: Record<string, unknown> }
  | { ok: false; error: string } {
  const unzipped = unzipFiles({ name, bytes });
  if (!unzipped.ok) return { ok: false, error: unzipped.error };
  const byName = new Map(unzipped.value.map((f) => [f.name, f.bytes]));
  const head = byName.get('bundle.json');
  if (!head) return { ok: false, error: 'not a bundle of this page (no bundle.json inside)' };
  try {
    const parsed = parseJson(head);
    if (typeof parsed !== 'object' || parsed === null) throw new Error();
    return { ok: true, byName, head: parsed as Record<string, unknown> };
  } catch {
    return { ok: false, error: 'bundle.json is not valid JSON' };
  }
}

export const isBundleKind = (kind: unknown): kind is BundleKind =>
  BUNDLE_KINDS.includes(kind as BundleKind);

/** Check and unpack a bundle: format version, every member's hash and size, then the shapes. */
export async function readBundle(name: string, bytes: Uint8Array): Promise<ReadBundle> {
  const refuse = (error: string): ReadBundle => ({ ok: false, error: `${name}: ${error}` });
  const opened = openBundleZip(bytes, name);
  if (!opened.ok) return refuse(opened.error);
  const manifest = opened.head as unknown as BundleManifest;
  if (manifest.format !== BUNDLE_FORMAT)
    return refuse(
      `bundle format ${JSON.stringify(manifest.format)} is not one this page reads (${BUNDLE_FORMAT})`,
    );
  const kind = manifest.model?.kind;
  if (!isBundleKind(kind))
    return refuse(`bundle.json names an unknown kind of model (${JSON.stringify(kind)})`);
  const read = await readModelMembers(manifest.model, opened.byName, manifest.members);
  if (!read.ok) return refuse(read.error);
  return { ok: true, model: manifest.model, files: read.files };
}
