import { useAppStore } from '../../store/appStore';
import { BackendField } from './BackendField';
import { DataSettings } from './DataSettings';
import { ModelSettings } from './ModelSettings';
import { ScheduleSettings } from './ScheduleSettings';
import { SelectField } from './SelectField';
import { presetOf, TRAIN_PRESETS, type PresetId } from './trainPresets';

/** The settings of the next indexing run; locked while a run is under way. */
export function TrainSettings() {
  const config = useAppStore((s) => s.trainConfig);
  const setConfig = useAppStore((s) => s.setTrainConfig);
  const busy = useAppStore(
    (s) =>
      s.trainingStatus === 'preparing' ||
      s.trainingStatus === 'running' ||
      s.trainingStatus === 'paused',
  );
  const preset = presetOf(config);

  return (
    <form
      className="card train-settings"
      aria-label="Indexing settings"
      // Enter in a field must not start a long run; the Index button does that
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>Settings</h2>
      <fieldset className="settings-fieldset" disabled={busy}>
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
        {busy && <p className="note">Settings are locked while the model trains.</p>}
        <div className="settings-grid">
          <DataSettings data={config.data} onChange={(data) => setConfig({ ...config, data })} />
          <ModelSettings config={config} onChange={setConfig} />
          <ScheduleSettings config={config} onChange={setConfig} />
          <BackendField />
        </div>
      </fieldset>
    </form>
  );
}
