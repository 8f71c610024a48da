import { useEffect, useState } from 'react';
import { corpusFingerprint } from '../../core/corpus/fingerprint';
import { useAppStore } from '../../store/appStore';
import { BUILTIN_CORPUS } from '../../store/shipped';
import type { SavedModelMeta } from '../../store/savedModelsDb';
import { formatMegabytes, formatMetric, INDEX_METRICS } from './trainFormat';
import { ScrollBox } from '../../ui/ScrollBox';

/**
 * The models kept in this browser (IndexedDB): every model trained here is saved when its training
 * ends and is put back in use after a reload or when its corpus is loaded again.
 */
export function SavedModels() {
  const saved = useAppStore((s) => s.savedModels);
  const error = useAppStore((s) => s.savedError);
  const storage = useAppStore((s) => s.storage);
  const inUse = useAppStore((s) => s.savedInUse);
  const corpus = useAppStore((s) => s.corpus);
  const corpusSource = useAppStore((s) => s.corpusSource);
  const refreshSaved = useAppStore((s) => s.refreshSaved);
  const notice = useAppStore((s) => s.savedNotice);
  const importBundle = useAppStore((s) => s.importBundle);
  const exportSession = useAppStore((s) => s.exportSession);
  const restoreShippedModels = useAppStore((s) => s.restoreShippedModels);
  const model = useAppStore((s) => s.model);
  const dense = useAppStore((s) => s.dense);
  const key = corpus ? corpusFingerprint(corpus) : null;
  const builtin = corpus?.name === BUILTIN_CORPUS && corpusSource === 'built-in';
  const shippedInUse = model?.source === 'checkpoint' && dense?.source === 'checkpoint';

  useEffect(() => {
    void refreshSaved();
  }, [refreshSaved]);

  return (
    <section className="card" aria-label="Saved models">
      <h2>Saved in this browser</h2>
      <p>
        Every model trained here is saved in this browser when its training ends, with its
        tokenizer, docids, settings and scores. It answers again after a reload, and when its corpus
        is loaded again; nothing leaves this computer unless you export it. An exported bundle
        (.zip) opens in any browser with this page, which checks every file of it first. A session
        bundle holds the corpus too, with the saved models in use for it: import it to continue a
        lesson in another browser.
      </p>
      {storage && (
        <p className="note" data-testid="storage-estimate">
          Storage: {formatMegabytes(storage.usage)} used of the {formatMegabytes(storage.quota)}{' '}
          this browser allows this page.
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={!corpus} onClick={() => void exportSession()}>
          Export this session (.zip)
        </button>
      </div>
      <label className="file-pick">
        Import a bundle (.zip): a model or a session{' '}
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file)
              void file.arrayBuffer().then((b) => importBundle(file.name, new Uint8Array(b)));
            input.value = '';
          }}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="note">
          {notice}
        </p>
      )}
      {builtin && (
        <button type="button" disabled={shippedInUse} onClick={() => void restoreShippedModels()}>
          Use the shipped models
        </button>
      )}
      {saved.length === 0 ? (
        <p className="note">No model is saved yet.</p>
      ) : (
        <ScrollBox label="Saved models table, scrolls sideways">
          <table className="saved-models">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Corpus</th>
                <th scope="col">Saved</th>
                <th scope="col">Size</th>
                <th scope="col">Scores</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {saved.map((m) => (
                <SavedRow
                  key={m.id}
                  meta={m}
                  inUse={inUse[m.kind] === m.id}
                  fitsCorpus={m.kind === 'querygen' || m.corpusKey === key}
                />
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

const KIND_LABELS: Record<SavedModelMeta['kind'], string> = {
  generative: 'Generative',
  dense: 'Dense',
  querygen: 'Query generator',
};

function SavedRow({
  meta,
  inUse,
  fitsCorpus,
}: {
  meta: SavedModelMeta;
  inUse: boolean;
  fitsCorpus: boolean;
}) {
  const adoptSavedModel = useAppStore((s) => s.adoptSavedModel);
  const renameSavedModel = useAppStore((s) => s.renameSavedModel);
  const deleteSavedModel = useAppStore((s) => s.deleteSavedModel);
  const exportSavedModel = useAppStore((s) => s.exportSavedModel);
  const [editing, setEditing] = useState<string | null>(null);
  const scores = INDEX_METRICS.filter((k) => meta.metrics[k] !== undefined)
    .map((k) => `${k} ${formatMetric(meta.metrics[k])}`)
    .join(', ');

  return (
    <tr aria-label={meta.name}>
      <td>
        {editing === null ? (
          <>
            {meta.name}
            {inUse && <span className="in-use">in use</span>}
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void renameSavedModel(meta.id, editing);
              setEditing(null);
            }}
          >
            <input
              aria-label="New name"
              value={editing}
              autoFocus
              onChange={(e) => setEditing(e.target.value)}
            />
            <button type="submit">Save name</button>
          </form>
        )}
        <div className="note">{meta.detail}</div>
      </td>
      <td>{KIND_LABELS[meta.kind]}</td>
      <td>
        {meta.corpusName} ({meta.docCount.toLocaleString()} docs)
      </td>
      <td>{new Date(meta.savedAt).toLocaleString()}</td>
      <td>{formatMegabytes(meta.bytes)}</td>
      <td>{scores ? `${scores} (${meta.metricsSplit})` : '–'}</td>
      <td className="actions">
        <button
          type="button"
          disabled={inUse || !fitsCorpus}
          title={fitsCorpus ? undefined : `Load ${meta.corpusName} to use this model`}
          onClick={() => void adoptSavedModel(meta.id)}
        >
          Use
        </button>
        <button type="button" onClick={() => setEditing(meta.name)}>
          Rename
        </button>
        <button type="button" onClick={() => void exportSavedModel(meta.id)}>
          Export
        </button>
        <button type="button" onClick={() => void deleteSavedModel(meta.id)}>
          Delete
        </button>
      </td>
    </tr>
  );
}
