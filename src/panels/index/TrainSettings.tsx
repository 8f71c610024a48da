import { useAppStore } from '../../store/appStore';
import { DenseSettings } from './DenseSettings';
import { GenerativeSettings } from './GenerativeSettings';
import { QueryGenSettings } from './QueryGenSettings';
import { TrainKindField } from './TrainKindField';

/** The settings of the next indexing run; locked while a run is under way. */
export function TrainSettings() {
  const kind = useAppStore((s) => s.trainKind);
  const setKind = useAppStore((s) => s.setTrainKind);
  const busy = useAppStore(
    (s) =>
      s.trainingStatus === 'preparing' ||
      s.trainingStatus === 'running' ||
      s.trainingStatus === 'paused',
  );

  return (
    <form
      className="card train-settings"
      aria-label="Indexing settings"
      // Enter in a field must not start a long run; the train button does that
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>Settings</h2>
      <fieldset className="settings-fieldset" disabled={busy}>
        <TrainKindField value={kind} onChange={setKind} />
        {busy && <p className="note">Settings are locked while the model trains.</p>}
        {kind === 'dense' ? (
          <DenseSettings />
        ) : kind === 'querygen' ? (
          <QueryGenSettings />
        ) : (
          <GenerativeSettings />
        )}
      </fieldset>
    </form>
  );
}
