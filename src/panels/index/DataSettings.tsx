import type { DsiDataConfig } from '../../core/dsi/prepare';
import type { DsiMixParams } from '../../core/dsi/examples';
import { NumberField } from '../../ui/NumberField';
import { useAppStore } from '../../store/appStore';
import { SelectField } from './SelectField';

type Scheme = DsiDataConfig['docidScheme'];

interface DataProps {
  data: DsiDataConfig;
  onChange(data: DsiDataConfig): void;
}

/** `docidParams[key]` when it is a number, else null (= the scheme picks it for the corpus). */
function optionalParam(params: Record<string, unknown>, key: string): number | null {
  const v = params[key];
  return typeof v === 'number' ? v : null;
}

/** How docids are made: the scheme and, for semantic docids, the clustering's shape. */
function DocidSettings({ data, onChange }: DataProps) {
  const semantic = data.docidScheme === 'semantic';
  const denseReady = useAppStore((s) => s.denseStatus === 'ready');
  const setParam = (key: string, value: number | null) => {
    const { [key]: _old, ...rest } = data.docidParams;
    onChange({ ...data, docidParams: value === null ? rest : { ...rest, [key]: value } });
  };

  return (
    <fieldset className="settings-group">
      <legend>Document identifiers</legend>
      <p className="note">
        The model writes a docid digit by digit. Semantic docids give similar documents a shared
        prefix, so early digits pick a topic; naive docids are arbitrary numbers.
      </p>
      <SelectField<Scheme>
        label="Docid scheme"
        value={data.docidScheme}
        options={[
          { value: 'semantic', label: 'Semantic (hierarchical k-means)' },
          { value: 'naive', label: 'Naive (arbitrary numbers)' },
        ]}
        onChange={(docidScheme) => onChange({ ...data, docidScheme })}
      />
      <div className="field-pair">
        <NumberField
          label="Clusters per level k"
          value={optionalParam(data.docidParams, 'k')}
          min={2}
          max={10}
          optional
          disabled={!semantic}
          onChange={(v) => setParam('k', v)}
        />
        <NumberField
          label="Leaf size c"
          value={optionalParam(data.docidParams, 'c')}
          min={1}
          max={1000}
          optional
          disabled={!semantic}
          onChange={(v) => setParam('c', v)}
        />
      </div>
      <span className="field-hint">Empty k or c = chosen for the corpus size.</span>
      <SelectField<'lsa' | 'dense'>
        label="Cluster documents by"
        value={data.docidVectors ?? 'lsa'}
        disabled={!semantic}
        options={[
          { value: 'lsa', label: 'LSA of TF-IDF (word usage)' },
          {
            value: 'dense',
            label: `Dense embeddings (the dual encoder's)${denseReady ? '' : ' — needs a dense retriever'}`,
            disabled: !denseReady,
          },
        ]}
        hint="DSI clustered BERT embeddings; here the dense retriever's document embeddings can play that part."
        onChange={(docidVectors) => onChange({ ...data, docidVectors })}
      />
    </fieldset>
  );
}

/**
 * The training data: how docids are made and which examples teach the model. The dense retriever
 * (`dense`) reads the same config but only its (query or pseudo-query, document) pairs, so it
 * shows neither docids nor indexing examples.
 */
export function DataSettings({ data, dense = false, onChange }: DataProps & { dense?: boolean }) {
  const setMix = (key: keyof DsiMixParams, value: number | null) =>
    onChange({ ...data, mix: { ...data.mix, [key]: value ?? 0 } });

  return (
    <>
      {!dense && <DocidSettings data={data} onChange={onChange} />}
      <fieldset className="settings-group">
        <legend>Training examples</legend>
        <p className="note">
          {dense
            ? 'The mix says how many copies of each kind of pair one epoch shows: a real training query with its document, and a generated pseudo-query with its document.'
            : 'The mix says how many copies of each kind of example one epoch shows: document text → docid (indexing), real training queries → docid, and generated pseudo-queries → docid.'}
        </p>
        <div className={dense ? 'field-pair' : 'field-triple'}>
          {!dense && (
            <NumberField
              label="Indexing copies"
              value={data.mix.indexing}
              min={0}
              max={8}
              onChange={(v) => setMix('indexing', v)}
            />
          )}
          <NumberField
            label="Real-query copies"
            value={data.mix.queries}
            min={0}
            max={8}
            onChange={(v) => setMix('queries', v)}
          />
          <NumberField
            label="Pseudo-query copies"
            value={data.mix.pseudo}
            min={0}
            max={8}
            onChange={(v) => setMix('pseudo', v)}
          />
        </div>
        <NumberField
          label="Pseudo-queries per document"
          value={data.querygen.perDoc}
          min={0}
          max={20}
          hint="Spans and keyword sets cut from each document (DSI-QG), per strategy."
          onChange={(v) => onChange({ ...data, querygen: { ...data.querygen, perDoc: v ?? 0 } })}
        />
      </fieldset>
    </>
  );
}
