import { DOCID_VOCAB_SIZE } from '../../core/docids/types';
import { ParamCountLine } from './ParamCountLine';
import type { DsiTrainConfig } from '../../models/train/trainDsi';
import { NumberField } from '../../ui/NumberField';
import { fittingHeads, HEAD_COUNTS } from './modelShape';
import { seq2seqParameterCount } from './paramCount';
import { SelectField } from './SelectField';

const WIDTHS = ['16', '32', '64', '128', '256'] as const;
// start token + a typical docid of 4–5 digits; the real length is known once docids exist
const TYPICAL_TGT_LEN = 6;

/** The Transformer's shape, with the size it comes to. */
export function ModelSettings({
  config,
  onChange,
}: {
  config: DsiTrainConfig;
  onChange(config: DsiTrainConfig): void;
}) {
  const { model, data } = config;
  const setModel = (m: Partial<DsiTrainConfig['model']>) =>
    onChange({ ...config, model: { ...model, ...m } });
  const parameters = seq2seqParameterCount({
    ...model,
    srcVocab: data.tokenizer.vocabSize,
    tgtVocab: DOCID_VOCAB_SIZE,
    srcLen: data.srcLen,
    tgtLen: TYPICAL_TGT_LEN,
  });

  return (
    <fieldset className="settings-group">
      <legend>Model</legend>
      <p className="note">
        An encoder reads the text; a decoder writes the docid one digit at a time.
      </p>
      <div className="field-pair">
        <SelectField
          label="Width dModel"
          value={String(model.dModel) as (typeof WIDTHS)[number]}
          options={WIDTHS.map((w) => ({ value: w, label: w }))}
          onChange={(w) => {
            const dModel = Number(w);
            setModel({ dModel, heads: fittingHeads(dModel, model.heads) });
          }}
        />
        <SelectField
          label="Attention heads"
          value={String(model.heads)}
          options={HEAD_COUNTS.filter((h) => model.dModel % h === 0).map((h) => ({
            value: String(h),
            label: String(h),
          }))}
          onChange={(h) => setModel({ heads: Number(h) })}
        />
      </div>
      <div className="field-pair">
        <NumberField
          label="Feed-forward width"
          value={model.dFF}
          min={8}
          max={2048}
          onChange={(v) => setModel({ dFF: v ?? model.dFF })}
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
      <div className="field-pair">
        <NumberField
          label="Encoder layers"
          value={model.encoderLayers}
          min={1}
          max={6}
          onChange={(v) => setModel({ encoderLayers: v ?? 1 })}
        />
        <NumberField
          label="Decoder layers"
          value={model.decoderLayers}
          min={1}
          max={6}
          onChange={(v) => setModel({ decoderLayers: v ?? 1 })}
        />
      </div>
      <NumberField
        label="Source length (tokens)"
        value={data.srcLen}
        min={8}
        max={256}
        hint="Documents are cut after this many subword tokens (DSI's FirstP)."
        onChange={(v) => onChange({ ...config, data: { ...data, srcLen: v ?? 8 } })}
      />
      <ParamCountLine parameters={parameters} testId="configured-parameters" />
    </fieldset>
  );
}
