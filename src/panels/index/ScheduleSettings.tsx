import type { OptimizerName } from '../../models/train/optimizers';
import type { DsiTrainConfig } from '../../models/train/trainDsi';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from './SelectField';

/** The settings both trainers share (DsiTrainConfig and DenseTrainConfig name them alike). */
export type ScheduleConfig = Pick<
  DsiTrainConfig,
  'data' | 'epochs' | 'batchSize' | 'lr' | 'optimizer' | 'evalEveryEpochs'
>;

/** How long and how fast the model learns, when it is evaluated, and its seed. */
export function ScheduleSettings<C extends ScheduleConfig>({
  config,
  note = 'DSI needs many passes: the model must memorise every docid.',
  minBatch = 1,
  batchHint,
  onChange,
}: {
  config: C;
  /** one line under the legend: what matters for this model */
  note?: string;
  minBatch?: number;
  batchHint?: string;
  onChange(config: C): void;
}) {
  const set = (c: Partial<ScheduleConfig>) => onChange({ ...config, ...c });
  const setLr = (lr: Partial<ScheduleConfig['lr']>) => set({ lr: { ...config.lr, ...lr } });

  return (
    <fieldset className="settings-group">
      <legend>Training</legend>
      <p className="note">{note}</p>
      <div className="field-pair">
        <NumberField
          label="Epochs"
          value={config.epochs}
          min={1}
          max={200}
          onChange={(v) => set({ epochs: v ?? 1 })}
        />
        <NumberField
          label="Batch size"
          value={config.batchSize}
          min={minBatch}
          max={512}
          hint={batchHint}
          onChange={(v) => set({ batchSize: v ?? minBatch })}
        />
      </div>
      <div className="field-pair">
        <NumberField
          label="Peak learning rate"
          value={config.lr.peak}
          min={0.00001}
          max={0.1}
          integer={false}
          onChange={(v) => setLr({ peak: v ?? config.lr.peak })}
        />
        <NumberField
          label="Warm-up steps"
          value={config.lr.warmupSteps}
          min={0}
          max={10000}
          onChange={(v) => setLr({ warmupSteps: v ?? 0 })}
        />
      </div>
      <SelectField<OptimizerName>
        label="Optimizer"
        value={config.optimizer.name}
        options={[
          { value: 'adam', label: 'Adam (AdamW)' },
          { value: 'lion', label: 'Lion' },
        ]}
        hint={
          config.optimizer.name === 'lion' ? 'Lion wants a peak rate about 3× smaller.' : undefined
        }
        // each optimizer's usual second-moment decay (optimizers.ts)
        onChange={(name) =>
          set({ optimizer: { ...config.optimizer, name, beta2: name === 'lion' ? 0.99 : 0.999 } })
        }
      />
      <div className="field-pair">
        <NumberField
          label="Evaluate every N epochs"
          value={config.evalEveryEpochs}
          min={0}
          max={200}
          hint="0 = only at the end."
          onChange={(v) => set({ evalEveryEpochs: v ?? 0 })}
        />
        <NumberField
          label="Seed"
          value={config.data.seed}
          min={0}
          max={2147483647}
          hint="Same corpus, settings and seed → same model."
          onChange={(v) => set({ data: { ...config.data, seed: v ?? 0 } })}
        />
      </div>
    </fieldset>
  );
}
