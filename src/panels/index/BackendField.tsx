import { useState } from 'react';
import { BACKEND_ORDER, type BackendName } from '../../models/backendNames';
import { useAppStore } from '../../store/appStore';
import { SelectField } from './SelectField';

const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly (wasm)',
  cpu: 'Plain JavaScript (cpu)',
};

/** Which TF.js backend trains (and answers queries); switching moves the weights along. */
export function BackendField({ disabled }: { disabled?: boolean }) {
  const backend = useAppStore((s) => s.backend);
  const backendError = useAppStore((s) => s.backendError);
  const switchBackend = useAppStore((s) => s.switchBackend);
  const [switching, setSwitching] = useState<BackendName | null>(null);
  const active = backend?.backend;

  return (
    <fieldset className="settings-group">
      <legend>Hardware</legend>
      <SelectField<BackendName | ''>
        label="TF.js backend"
        value={switching ?? active ?? ''}
        disabled={disabled || !backend || switching !== null}
        options={[
          ...(backend ? [] : [{ value: '' as const, label: 'Starting…', disabled: true }]),
          ...BACKEND_ORDER.map((b) => ({ value: b, label: BACKEND_LABELS[b] })),
        ]}
        onChange={async (name) => {
          if (!name || name === active) return;
          setSwitching(name);
          await switchBackend(name);
          setSwitching(null);
        }}
      />
      <p className="note">
        {switching
          ? `Switching to ${BACKEND_LABELS[switching]}…`
          : backend
            ? `Running on ${BACKEND_LABELS[backend.backend]}${backend.device ? ` (${backend.device})` : ''}.`
            : 'TF.js is starting.'}{' '}
        On machines without a GPU, wasm is usually the fastest trainer.
      </p>
      {backendError && (
        <p role="alert" className="error">
          {backendError}
        </p>
      )}
    </fieldset>
  );
}
