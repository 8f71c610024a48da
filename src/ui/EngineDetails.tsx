import { useState } from 'react';
import { useAppStore } from '../store/appStore';
import { BackendProbeTable } from './BackendProbeTable';

const formatMb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Behind a disclosure: why the backend was chosen, and what the engine has done and holds now. */
export function EngineDetails() {
  const backend = useAppStore((s) => s.backend);
  const activity = useAppStore((s) => s.engineActivity);
  const refreshActivity = useAppStore((s) => s.refreshEngineActivity);
  const [reading, setReading] = useState(false);
  const refresh = async () => {
    setReading(true);
    try {
      await refreshActivity();
    } finally {
      setReading(false);
    }
  };
  if (!backend) return null;
  return (
    <details
      className="engine-details"
      aria-label="Engine details"
      onToggle={(e) => e.currentTarget.open && void refresh()}
    >
      <summary>Engine details</summary>
      <p>
        The models compute with TF.js, which can use the graphics card (through WebGPU or WebGL) or
        the processor (through WebAssembly or plain JavaScript). On a first visit it starts on
        WebAssembly, which is ready soonest, so the first answer comes quickly; a few seconds later
        it times one training step and one search step of the classroom model on each of them, in a
        worker of its own, and moves to the fastest. This browser keeps the figures, so the next
        visit starts on that one.
      </p>
      <BackendProbeTable />
      <p>
        Models run on <strong>{backend.backend}</strong> ({backend.device}), started in{' '}
        {backend.startMs} ms.
        {backend.training && (
          <>
            {' '}
            <span data-testid="engine-training">{backend.training}</span>
          </>
        )}
      </p>
      {backend.fellBack.length > 0 && (
        <ul aria-label="Backends not used">
          {backend.fellBack.map((f) => (
            <li key={f.backend}>
              {f.backend}: {f.reason}
            </li>
          ))}
        </ul>
      )}
      <p>
        To choose one yourself, add <code>?backend=webgpu</code> (or <code>webgl</code>,{' '}
        <code>wasm</code>, <code>cpu</code>) to the page address.
      </p>
      {activity && (
        <p>
          Since the page opened:{' '}
          <span data-testid="engine-beam-searches">{activity.beamSearches}</span> beam searches,{' '}
          <span data-testid="engine-dense-searches">{activity.denseSearches}</span> dense searches,{' '}
          <span data-testid="engine-superseded">{activity.superseded}</span> requests dropped
          because a newer one replaced them,{' '}
          <span data-testid="engine-early-answers">{activity.earlyAnswers}</span> answered by a
          decode begun before they came (the question of a link, decoded as soon as the model was
          there), <span data-testid="engine-first-answers">{activity.firstAnswers}</span> answered
          before TF.js had started, by the same model computed in plain JavaScript (it needs no
          TF.js to answer, only to train).{' '}
          {activity.plainAnswering && (
            <span data-testid="engine-plain-answering">
              Until TF.js has loaded the model, searches are answered that way.{' '}
            </span>
          )}
          TF.js holds <span data-testid="engine-tensors">{activity.tensors}</span> tensors (
          {formatMb(activity.bytes)}).
        </p>
      )}
      <button type="button" onClick={() => void refresh()} disabled={reading}>
        Refresh
      </button>
    </details>
  );
}
