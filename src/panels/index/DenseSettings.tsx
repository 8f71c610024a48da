import { useAppStore } from '../../store/appStore';
import { BackendField } from './BackendField';
import { DataSettings } from './DataSettings';
import { DenseLossSettings } from './DenseLossSettings';
import { DenseModelSettings } from './DenseModelSettings';
import { densePresetOf, DENSE_PRESETS } from './densePresets';
import { ScheduleSettings } from './ScheduleSettings';
import { SelectField } from './SelectField';
import type { PresetId } from './trainPresets';

/** The dense retriever's settings: preset, data (shared with DSI), towers, loss, schedule. */
export function DenseSettings() {
  const config = useAppStore((s) => s.denseTrainConfig);
  const setConfig = useAppStore((s) => s.setDenseTrainConfig);
  const preset = densePresetOf(config);

  return (
    <>
      <SelectField<PresetId | 'custom'>
        label="Preset"
        value={preset}
        options={[
          ...DENSE_PRESETS.map((p) => ({ value: p.id, label: p.label })),
          { value: 'custom', label: 'Custom (edited)', disabled: true },
        ]}
        hint="A preset replaces every dense setting below."
        onChange={(id) => {
          const chosen = DENSE_PRESETS.find((p) => p.id === id);
          if (chosen) setConfig(chosen.config);
        }}
      />
      <p className="note">
        The dense model learns from the same examples as the generative one: each (real or
        generated) query is paired with its document, and the other documents in the batch are the
        negatives.
      </p>
      <div className="settings-grid">
        <DataSettings
          data={config.data}
          dense
          onChange={(data) => setConfig({ ...config, data })}
        />
        <DenseModelSettings config={config} onChange={setConfig} />
        <DenseLossSettings config={config} onChange={setConfig} />
        <ScheduleSettings
          config={config}
          note="Far fewer passes than DSI: the model learns to embed, not to memorise docids."
          minBatch={2}
          batchHint="Pairs per step; each query's negatives are the other documents in its batch."
          onChange={setConfig}
        />
        <BackendField />
      </div>
    </>
  );
}
