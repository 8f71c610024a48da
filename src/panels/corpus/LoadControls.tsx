import { useId, useState, type DragEvent } from 'react';
import { useAppStore } from '../../store/appStore';
import { readDroppedFiles, readPickedFiles } from '../../ui/readFiles';

/** Every way to bring a corpus in: files, a folder, a zip, a drop, pasted text, the built-in one. */
export function LoadControls() {
  const loadFiles = useAppStore((s) => s.loadCorpusFiles);
  const loadPasted = useAppStore((s) => s.loadPastedCorpus);
  const loadBuiltin = useAppStore((s) => s.loadBuiltinCorpus);
  const busy = useAppStore((s) => s.loading !== null);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const pasteId = useId();

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) await loadFiles(await readDroppedFiles(e.dataTransfer));
  };

  return (
    <section className="card load-controls" aria-label="Load a corpus">
      <h2>Load a corpus</h2>
      <div
        className={`dropzone${dragging ? ' dropzone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>
          Drop a BEIR folder (<code>corpus.jsonl</code>, <code>queries.jsonl</code>,{' '}
          <code>qrels/*.tsv</code>), a <code>.zip</code> of one, or a <code>.csv</code>/
          <code>.tsv</code> with <code>id,title,text</code> columns here, or:
        </p>
        <div className="row">
          <label className="button">
            Choose files
            <input
              type="file"
              multiple
              accept=".jsonl,.tsv,.csv,.zip,.txt"
              aria-label="Choose corpus files"
              disabled={busy}
              onChange={async (e) => {
                const input = e.currentTarget;
                if (input.files?.length) await loadFiles(await readPickedFiles(input.files));
                input.value = '';
              }}
            />
          </label>
          <label className="button">
            Choose a folder
            <input
              type="file"
              aria-label="Choose a BEIR folder"
              disabled={busy}
              ref={(el) => el?.setAttribute('webkitdirectory', '')}
              onChange={async (e) => {
                const input = e.currentTarget;
                if (input.files?.length) await loadFiles(await readPickedFiles(input.files));
                input.value = '';
              }}
            />
          </label>
          <button type="button" onClick={() => void loadBuiltin()} disabled={busy}>
            Load the built-in corpus
          </button>
        </div>
      </div>
      <label htmlFor={pasteId}>Or paste text, one document per paragraph:</label>
      <textarea
        id={pasteId}
        rows={4}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        placeholder={'Title line (optional)\nFirst document…\n\nSecond document…'}
      />
      <button type="button" disabled={busy} onClick={() => void loadPasted(pasted)}>
        Load pasted text
      </button>
    </section>
  );
}
