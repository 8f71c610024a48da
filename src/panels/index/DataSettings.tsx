import type { DsiDataConfig } from '../../core/dsi/prepare';
import type { DsiMixParams } from '../../core/dsi/examples';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from './SelectField';

type Scheme = DsiDataConfig['docidScheme'];

/** `docidParams[key]` when it is a number, else null (= the scheme picks it for the corpus). */
function optionalParam(params: Record<string, unknown>, key: string): number | null {
  const v = params[key];
  return typeof v === 'number' ? v : null;
}

/** The training data: how docids are made and which examples teach the model. */
export function DataSettings({
  data,
  onChange,
}: {
  data: DsiDataConfig;
  onChange(data: DsiDataConfig): void;
}) {
  const semantic = data.docidScheme === 'semantic';
  const setParam = (key: string, value: number | null) => {
    const { [key]: _old, ...rest } = data.docidParams;
    onChange({ ...data, docidParams: value === null ? rest : { ...rest, [key]: value } });
  };
  const setMix = (key: keyof DsiMixParams, value: number | null) =>
    onChange({ ...data, mix: { ...data.mix, [key]: value ?? 0 } });

  return (
    <>
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
      </fieldset>

      <fieldset className="settings-group">
        <legend>Training examples</legend>
        <p className="note">
          The mix says how many copies of each kind of example one epoch shows: document text →
          docid (indexing), real training queries → docid, and generated pseudo-queries → docid.
        </p>
        <div className="field-triple">
          <NumberField
            label="Indexing copies"
            value={data.mix.indexing}
            min={0}
            max={8}
            onChange={(v) => setMix('indexing', v)}
          />
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
