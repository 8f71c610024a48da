import { MAX_KEPT_CORPUS_BYTES, pageSavedModelsDb, type KeptCorpus } from '../store/savedModelsDb';

/**
 * Keep a loaded corpus's input for the next visit (IndexedDB, written from the worker so that
 * copying tens of megabytes never blocks the page). Returns warnings for the page: why it was not
 * kept, if it was not.
 */
export async function keepCorpus(kept: KeptCorpus): Promise<string[]> {
  const size =
    kept.source === 'pasted'
      ? kept.text.length * 2
      : kept.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  try {
    const db = pageSavedModelsDb();
    if (size <= MAX_KEPT_CORPUS_BYTES) {
      await db?.setLastCorpus(kept);
      return [];
    }
    await db?.setLastCorpus(null);
  } catch (e) {
    return [`Not kept for the next visit: ${(e as Error).message}`];
  }
  return [
    `This corpus (${(size / 1e6).toFixed(0)} MB) is larger than the ${MAX_KEPT_CORPUS_BYTES / 1024 / 1024} MiB the page keeps across visits: a reload opens the built-in corpus.`,
  ];
}
