import { useAppStore } from '../../store/appStore';
import { BackendField } from './BackendField';
import { DataSettings } from './DataSettings';
import { tooSmallToLearn } from './learningCapacity';
import { ModelSettings } from './ModelSettings';
import { ScheduleSettings } from './ScheduleSettings';
import { SelectField } from './SelectField';
import { presetOf, TRAIN_PRESETS, type PresetId } from './trainPresets';

/** The generative (DSI) model's settings: preset, data, Transformer shape, schedule, backend. */
export function GenerativeSettings() {
  const config = useAppStore((s) => s.trainConfig);
  const setConfig = useAppStore((s) => s.setTrainConfig);
  const preset = presetOf(config);
  const tooSmall = tooSmallToLearn(config);

  return (
    <>
      <SelectField<PresetId | 'custom'>
        label="Preset"
        value={preset}
        options={[
          ...TRAIN_PRESETS.map((p) => ({ value: p.id, label: p.label })),
          { value: 'custom', label: 'Custom (edited)', disabled: true },
        ]}
        hint="A preset replaces every setting below."
        onChange={(id) => {
          const chosen = TRAIN_PRESETS.find((p) => p.id === id);
          if (chosen) setConfig(chosen.config);
        }}
      />
      {tooSmall.length > 0 && (
        <p className="warning" data-testid="too-small-warning">
          <strong>A fast demo of the mechanics.</strong> With {tooSmall.join(' and ')}, training
          runs quickly but the model will answer few questions right. For a model that learns to
          retrieve, choose the Classroom (default) preset.
        </p>
      )}
      <div className="settings-grid">
        <DataSettings data={config.data} onChange={(data) => setConfig({ ...config, data })} />
        <ModelSettings config={config} onChange={setConfig} />
        <ScheduleSettings config={config} onChange={setConfig} />
        <BackendField />
      </div>
    </>
  );
}
