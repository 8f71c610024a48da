import { atomicFitProblem } from '../../core/docids/atomic';
import { DOCID_SCHEMES } from '../../core/docids/registry';
import type { DsiDataConfig } from '../../core/dsi/prepare';
import { useAppStore } from '../../store/appStore';
import { NumberField } from '../../ui/NumberField';
import { Term } from '../../ui/Term';
import { CheckboxField } from './CheckboxField';
import { SelectField } from './SelectField';

type Scheme = DsiDataConfig['docidScheme'];

const SCHEME_LABELS: Record<Scheme, string> = {
  atomic: 'Atomic (one token per document)',
  naive: 'Naive (arbitrary numbers)',
  semantic: 'Semantic (hierarchical k-means)',
  text: 'Text (title or keywords)',
  seal: 'N-grams (SEAL: any phrase of a document)',
};

export interface DocidSettingsProps {
  data: DsiDataConfig;
  /** the model width, for the atomic output layer's memory */
  dModel: number;
  onChange(data: DsiDataConfig): void;
}

/** `docidParams[key]` when it is a number, else null (= the scheme picks it for the corpus). */
function optionalParam(params: Record<string, unknown>, key: string): number | null {
  const v = params[key];
  return typeof v === 'number' ? v : null;
}

/** How docids are made: the scheme, each explained in a line, and its own settings. */
export function DocidSettings({ data, dModel, onChange }: DocidSettingsProps) {
  const denseReady = useAppStore((s) => s.denseStatus === 'ready');
  const denseDim = useAppStore((s) => s.dense?.dim ?? null);
  const docCount = useAppStore((s) => s.corpus?.docs.length ?? 0);
  const scheme = data.docidScheme;
  const setParam = (key: string, value: unknown) => {
    const { [key]: _old, ...rest } = data.docidParams;
    onChange({ ...data, docidParams: value === null ? rest : { ...rest, [key]: value } });
  };
  const tooBig = scheme === 'atomic' ? atomicFitProblem(docCount, dModel) : null;
  const initFromDense = data.docidParams.initFromDense === true;

  return (
    <fieldset className="settings-group">
      <legend>Document identifiers</legend>
      <p className="note">
        The model answers a query by writing a document identifier (<Term id="docid">docid</Term>),
        token by token, and <Term id="beam-search">beam search</Term> keeps it to identifiers that
        exist.
      </p>
      <SelectField<Scheme>
        label="Docid scheme"
        value={scheme}
        options={(Object.keys(DOCID_SCHEMES) as Scheme[]).map((value) => ({
          value,
          label: SCHEME_LABELS[value],
        }))}
        hint={DOCID_SCHEMES[scheme].describe}
        onChange={(docidScheme) => onChange({ ...data, docidScheme, docidParams: {} })}
      />
      <p className="field-hint">
        What the schemes mean: <Term id="atomic-docid">atomic</Term> ·{' '}
        <Term id="naive-docid">naive</Term> · <Term id="semantic-docid">semantic</Term> ·{' '}
        <Term id="text-docid">text</Term> · <Term id="seal">n-grams (SEAL)</Term>
      </p>
      {scheme === 'semantic' && (
        <>
          <div className="field-pair">
            <NumberField
              label="Clusters per level k"
              value={optionalParam(data.docidParams, 'k')}
              min={2}
              max={10}
              optional
              onChange={(v) => setParam('k', v)}
            />
            <NumberField
              label="Leaf size c"
              value={optionalParam(data.docidParams, 'c')}
              min={1}
              max={1000}
              optional
              onChange={(v) => setParam('c', v)}
            />
          </div>
          <span className="field-hint">Empty k or c = chosen for the corpus size.</span>
          <SelectField<'lsa' | 'dense'>
            label="Cluster documents by"
            value={data.docidVectors ?? 'lsa'}
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
        </>
      )}
      {scheme === 'text' && (
        <SelectField<'title' | 'keywords'>
          label="Identifier text"
          value={data.docidParams.source === 'keywords' ? 'keywords' : 'title'}
          options={[
            { value: 'title', label: 'The title (keywords where there is none)' },
            { value: 'keywords', label: 'The most distinctive keywords' },
          ]}
          hint="Two documents with the same text get more keywords, then a number, until all differ."
          onChange={(source) => setParam('source', source)}
        />
      )}
      {scheme === 'seal' && (
        <>
          <NumberField
            label="Longest n-gram (word pieces)"
            value={optionalParam(data.docidParams, 'ngramLength')}
            min={2}
            max={16}
            optional
            onChange={(v) => setParam('ngramLength', v)}
          />
          <span className="field-hint">
            Empty = 8. The model learns to write spans of this length from a relevant document; a
            suffix array of the corpus keeps every span it writes to one that occurs. Distillation
            and CorpusBrain pre-training do not apply.
          </span>
        </>
      )}
      {scheme === 'atomic' && (
        <>
          <CheckboxField
            label="Start document rows from the dense model's document embeddings"
            checked={initFromDense}
            disabled={!denseReady || denseDim !== dModel}
            hint={
              !denseReady
                ? 'Needs a dense retriever for this corpus (train one first).'
                : denseDim !== dModel
                  ? `The dense embeddings have ${denseDim} dimensions: set the width dModel to ${denseDim}.`
                  : 'Atomic GR is then a dense retriever whose document vectors keep learning (Nguyen & Yates 2023).'
            }
            onChange={(on) => setParam('initFromDense', on ? true : null)}
          />
          {tooBig && (
            <p role="alert" className="error">
              {tooBig}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
