import type { DenseModelShape, DensePooling, DenseTrainConfig } from '../../models/dense/config';
import { ParamCountLine } from './ParamCountLine';
import { NumberField } from '../../ui/NumberField';
import { dualEncoderParameterCount } from './denseParamCount';
import { fittingHeads, HEAD_COUNTS, resizeMatryoshka } from './modelShape';
import { SelectField } from './SelectField';

const WIDTHS = ['16', '32', '64', '128', '256', '512'] as const;
type Towers = 'shared' | 'separate';

/** The dual encoder's shape (width = embedding size), with the size it comes to. */
export function DenseModelSettings({
  config,
  onChange,
}: {
  config: DenseTrainConfig;
  onChange(config: DenseTrainConfig): void;
}) {
  const { model, data } = config;
  const setModel = (m: Partial<DenseModelShape>) =>
    onChange({ ...config, model: { ...model, ...m } });
  const parameters = dualEncoderParameterCount({
    ...model,
    vocab: data.tokenizer.vocabSize,
    maxLen: data.srcLen,
  });

  return (
    <fieldset className="settings-group">
      <legend>Model</legend>
      <p className="note">
        A Transformer encoder turns a query, or a document, into one unit-length vector; a
        document&apos;s score is its cosine with the query.
      </p>
      <div className="field-pair">
        <SelectField
          label="Width d (embedding size)"
          value={String(model.d) as (typeof WIDTHS)[number]}
          options={WIDTHS.map((w) => ({ value: w, label: w }))}
          onChange={(w) => {
            const d = Number(w);
            onChange({
              ...config,
              model: { ...model, d, heads: fittingHeads(d, model.heads) },
              matryoshkaDims: resizeMatryoshka(config.matryoshkaDims, model.d, d),
            });
          }}
        />
        <SelectField
          label="Attention heads"
          value={String(model.heads)}
          options={HEAD_COUNTS.filter((h) => model.d % h === 0).map((h) => ({
            value: String(h),
            label: String(h),
          }))}
          hint={`d must be divisible by the heads: each head reads ${model.d / model.heads} of the ${model.d} dimensions.`}
          onChange={(h) => setModel({ heads: Number(h) })}
        />
      </div>
      <div className="field-pair">
        <NumberField
          label="Feed-forward width"
          value={model.ff}
          min={8}
          max={2048}
          onChange={(v) => setModel({ ff: v ?? model.ff })}
        />
        <NumberField
          label="Layers per tower"
          value={model.layers}
          min={0}
          max={6}
          hint="0 = a bag of token embeddings."
          onChange={(v) => setModel({ layers: v ?? 0 })}
        />
      </div>
      <div className="field-pair">
        <SelectField<DensePooling>
          label="Pooling"
          value={model.pooling}
          options={[
            { value: 'mean', label: 'Mean of tokens (SBERT)' },
            { value: 'cls', label: '[CLS] token (BERT)' },
          ]}
          onChange={(pooling) => setModel({ pooling })}
        />
        <SelectField<Towers>
          label="Towers"
          value={model.sharedTowers ? 'shared' : 'separate'}
          options={[
            { value: 'shared', label: 'Shared (Siamese)' },
            { value: 'separate', label: 'Separate (DPR)' },
          ]}
          hint="Separate towers still share the token embeddings."
          onChange={(t) => setModel({ sharedTowers: t === 'shared' })}
        />
      </div>
      <div className="field-pair">
        <NumberField
          label="Dropout"
          value={model.dropout}
          min={0}
          max={0.5}
          integer={false}
          onChange={(v) => setModel({ dropout: v ?? 0 })}
        />
        <NumberField
          label="Vocabulary size"
          value={data.tokenizer.vocabSize}
          min={500}
          max={32000}
          onChange={(v) =>
            onChange({
              ...config,
              data: { ...data, tokenizer: { ...data.tokenizer, vocabSize: v ?? 500 } },
            })
          }
        />
      </div>
      <NumberField
        label="Input length (tokens)"
        value={data.srcLen}
        min={8}
        max={256}
        hint="Queries and documents are cut after this many subword tokens (FirstP)."
        onChange={(v) => onChange({ ...config, data: { ...data, srcLen: v ?? 8 } })}
      />
      <ParamCountLine parameters={parameters} testId="configured-dense-parameters" />
    </fieldset>
  );
}
