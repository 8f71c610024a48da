import type { DenseTrainConfig } from '../../models/dense/config';
import { NumberField } from '../../ui/NumberField';
import { CheckboxField } from './CheckboxField';
import { matryoshkaChoices, toggleDim } from './modelShape';

/** InfoNCE's settings: temperature, direction, Matryoshka prefixes and hard negatives. */
export function DenseLossSettings({
  config,
  onChange,
}: {
  config: DenseTrainConfig;
  onChange(config: DenseTrainConfig): void;
}) {
  const set = (c: Partial<DenseTrainConfig>) => onChange({ ...config, ...c });
  const d = config.model.d;
  const dims = config.matryoshkaDims;

  return (
    <fieldset className="settings-group">
      <legend>Loss (InfoNCE)</legend>
      <p className="note">
        Each query must pick its own document out of the batch: a softmax over the cosines, divided
        by the temperature.
      </p>
      <NumberField
        label="Temperature τ"
        value={config.temperature}
        min={0.005}
        max={1}
        integer={false}
        hint="Smaller τ sharpens the softmax; 0.05 is usual (0.01–0.2)."
        onChange={(v) => set({ temperature: v ?? config.temperature })}
      />
      <CheckboxField
        label="Symmetric (also document → query, as CLIP)"
        checked={config.symmetric}
        onChange={(symmetric) => set({ symmetric })}
      />
      <CheckboxField
        label="BM25 hard negatives (DPR)"
        checked={config.hardNegatives}
        hint="Adds each query's best non-relevant BM25 document to the batch; twice the documents per step."
        onChange={(hardNegatives) => set({ hardNegatives })}
      />
      <fieldset className="check-group">
        <legend>Matryoshka prefix sizes</legend>
        <div className="check-row">
          {matryoshkaChoices(d).map((m) => (
            <CheckboxField
              key={m}
              label={m === d ? `${m} (full)` : String(m)}
              checked={dims.includes(m)}
              onChange={(on) => set({ matryoshkaDims: toggleDim(dims, m, on) })}
            />
          ))}
        </div>
        <span className="field-hint">
          {dims.length === 0
            ? 'None: only the full vector is trained.'
            : `The loss is averaged over the first ${dims.join(', ')} dimensions, so a short prefix alone still retrieves (Kusupati et al. 2022).${dims.includes(d) ? '' : ' Check the full size to train the whole vector too.'}`}
        </span>
      </fieldset>
    </fieldset>
  );
}
