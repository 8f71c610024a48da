import { DECODE_WEIGHT, probeCost } from '../models/backendChoice';
import { useAppStore } from '../store/appStore';

const ms = (x: number | undefined) =>
  x === undefined ? '' : `${Math.round(x).toLocaleString('en')} ms`;

/** The backend probe's figures per backend, and a button to measure again. */
export function BackendProbeTable() {
  const probe = useAppStore((s) => s.backendProbe);
  const choice = useAppStore((s) => s.backendChoice);
  const measure = useAppStore((s) => s.probeBackends);
  const error = useAppStore((s) => s.probeError);
  const probing = choice === 'probing';
  return (
    <div className="backend-probe-table">
      {probe && probe.figures.length > 0 && (
        <table aria-label="Backend probe">
          <caption>
            Measured {probe.at.slice(0, 16).replace('T', ' ')} UTC: the classroom model (batch 32; a
            search step decodes 10 beams). Cost = training step + {DECODE_WEIGHT} × search step,
            about one training step against one answer; the lowest wins.
          </caption>
          <thead>
            <tr>
              <th scope="col">backend</th>
              <th scope="col">training step</th>
              <th scope="col">search step</th>
              <th scope="col">cost</th>
            </tr>
          </thead>
          <tbody>
            {probe.figures.map((f) => (
              <tr key={f.backend} className={f.backend === probe.choice ? 'probe-chosen' : ''}>
                <th scope="row">
                  {f.backend}
                  {f.backend === probe.choice ? ' (chosen)' : ''}
                </th>
                {f.error ? (
                  <td colSpan={3}>not measured: {f.error}</td>
                ) : (
                  <>
                    <td>{ms(f.trainStepMs)}</td>
                    <td>{ms(f.decodeStepMs)}</td>
                    <td>{ms(probeCost(f) ?? undefined)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p role="alert">Could not time the backends: {error}</p>}
      <p>
        Timing them again takes a while when a graphics card is only imitated in software; with{' '}
        <code>?backend=</code> in the address the figures are shown and the backend stays.
      </p>
      <button type="button" onClick={() => void measure()} disabled={probing}>
        {probing ? 'Timing the backends…' : 'Time the backends again'}
      </button>
    </div>
  );
}
