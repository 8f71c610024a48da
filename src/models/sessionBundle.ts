import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import {
  checkedMember,
  isBundleKind,
  modelMembers,
  openBundleZip,
  readModelMembers,
  sha256,
  type BundleFiles,
  type BundleManifest,
  type BundleModel,
} from './modelBundle';

/**
 * A session bundle: one .zip with a corpus and the models trained on it (generative, dense, query
 * generator), so that a class can pick up where the teacher left off in another browser. The
 * corpus travels as it was given (its files, or the pasted text), or as a mark for the built-in
 * corpus that ships with the app. `bundle.json` lists every member with its size and SHA-256, as a
 * model bundle does; each model's files sit under a folder named for its kind.
 */
export const SESSION_FORMAT = 'genir-session-1';

/** The corpus as the page loads it again. */
export type SessionCorpusInput =
  | { source: 'built-in' }
  | { source: 'files'; files: { name: string; bytes: Uint8Array }[] }
  | { source: 'pasted'; text: string };

/** What a session says of its corpus besides the input: the models' corpus key must match it. */
export interface SessionCorpusInfo {
  name: string;
  /** corpusFingerprint of the loaded corpus */
  corpusKey: string;
  docCount: number;
}

export interface SessionModel {
  model: BundleModel;
  files: BundleFiles;
}

interface SessionManifest {
  format: typeof SESSION_FORMAT;
  exportedAt: string;
  corpus: SessionCorpusInfo & { source: SessionCorpusInput['source']; files?: string[] };
  models: BundleModel[];
  members: BundleManifest['members'];
}

const PASTED_MEMBER = 'corpus/pasted.txt';
const folder = (model: BundleModel) => `${model.kind}/`;

export async function makeSessionBundle(
  input: SessionCorpusInput,
  info: SessionCorpusInfo,
  models: readonly SessionModel[],
): Promise<Uint8Array> {
  const kinds = models.map((m) => m.model.kind);
  if (new Set(kinds).size !== kinds.length) throw new Error('a session holds one model per kind');
  const zippable: Zippable = {};
  const members: BundleManifest['members'] = {};
  const add = async (name: string, bytes: Uint8Array) => {
    zippable[name] = [bytes, { level: 6 }];
    members[name] = { sha256: await sha256(bytes), bytes: bytes.byteLength };
  };
  let fileNames: string[] | undefined;
  if (input.source === 'files') {
    fileNames = input.files.map((f) => f.name);
    for (const f of input.files) await add(`corpus/${f.name}`, f.bytes);
  } else if (input.source === 'pasted') await add(PASTED_MEMBER, strToU8(input.text));
  for (const { model, files } of models) {
    if (model.corpusKey !== info.corpusKey)
      throw new Error(`“${model.name}” was trained on another corpus (${model.corpusName})`);
    const part = await modelMembers(model.kind, files, folder(model));
    Object.assign(zippable, part.zippable);
    Object.assign(members, part.members);
  }
  const manifest: SessionManifest = {
    format: SESSION_FORMAT,
    exportedAt: new Date().toISOString(),
    corpus: { ...info, source: input.source, ...(fileNames ? { files: fileNames } : {}) },
    models: models.map((m) => m.model),
    members,
  };
  zippable['bundle.json'] = [strToU8(JSON.stringify(manifest, null, 1)), { level: 6 }];
  return zipSync(zippable);
}

export type ReadSession =
  | { ok: true; corpus: SessionCorpusInput; info: SessionCorpusInfo; models: SessionModel[] }
  | { ok: false; error: string };

/** Whether a bundle's bundle.json says it is a session (else it is a single model's bundle). */
export function isSessionBundle(bytes: Uint8Array): boolean {
  const opened = openBundleZip(bytes, '');
  return opened.ok && opened.head.format === SESSION_FORMAT;
}

/** Check and unpack a session bundle: every member's size and hash, each model's shapes. */
export async function readSessionBundle(name: string, bytes: Uint8Array): Promise<ReadSession> {
  const refuse = (error: string): ReadSession => ({ ok: false, error: `${name}: ${error}` });
  const opened = openBundleZip(bytes, name);
  if (!opened.ok) return refuse(opened.error);
  const manifest = opened.head as unknown as SessionManifest;
  if (manifest.format !== SESSION_FORMAT)
    return refuse(`bundle format ${JSON.stringify(manifest.format)} is not a session`);
  const { corpus, models } = manifest;
  if (!corpus || typeof corpus.corpusKey !== 'string' || !Array.isArray(models))
    return refuse('bundle.json does not describe a corpus and its models');
  const checked = (member: string) => checkedMember(member, opened.byName, manifest.members);
  let input: SessionCorpusInput;
  if (corpus.source === 'built-in') input = { source: 'built-in' };
  else if (corpus.source === 'pasted') {
    const data = await checked(PASTED_MEMBER);
    if (typeof data === 'string') return refuse(data);
    input = { source: 'pasted', text: strFromU8(data) };
  } else if (corpus.source === 'files' && Array.isArray(corpus.files)) {
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const file of corpus.files) {
      const data = await checked(`corpus/${file}`);
      if (typeof data === 'string') return refuse(data);
      files.push({ name: String(file), bytes: data.slice() });
    }
    input = { source: 'files', files };
  } else return refuse(`bundle.json names an unknown corpus source (${String(corpus.source)})`);
  const read: SessionModel[] = [];
  for (const model of models) {
    if (!isBundleKind(model?.kind))
      return refuse(`bundle.json names an unknown kind of model (${JSON.stringify(model?.kind)})`);
    if (model.corpusKey !== corpus.corpusKey)
      return refuse(`${model.kind}: trained on ${model.corpusName}, not on the bundle's corpus`);
    const files = await readModelMembers(model, opened.byName, manifest.members, folder(model));
    if (!files.ok) return refuse(files.error);
    read.push({ model, files: files.files });
  }
  const info = { name: corpus.name, corpusKey: corpus.corpusKey, docCount: corpus.docCount };
  return { ok: true, corpus: input, info, models: read };
}
