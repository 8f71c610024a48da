import { METHOD_LABELS, METHODS } from '../../store/compareSlice';
import { useAppStore } from '../../store/appStore';
import { Term } from '../../ui/Term';

/** Weights of the fused column (0 leaves a method out) and the RRF rank offset k. */
export function FusionSettings() {
  const weights = useAppStore((s) => s.fusionWeights);
  const k = useAppStore((s) => s.rrfK);
  const setWeight = useAppStore((s) => s.setFusionWeight);
  const setK = useAppStore((s) => s.setRrfK);
  return (
    <fieldset className="fusion-settings">
      <legend>
        Fusion (<Term id="rrf">RRF</Term>): score = Σ weight / (k + rank)
      </legend>
      {METHODS.map((m) => (
        <label key={m}>
          {METHOD_LABELS[m]} weight{' '}
          <input
            type="range"
            min={0}
            max={1}
            step={0.1}
            value={weights[m]}
            onChange={(e) => setWeight(m, Number(e.target.value))}
          />{' '}
          <output>{weights[m].toFixed(1)}</output>
        </label>
      ))}
      <label>
        k{' '}
        <input
          type="range"
          min={1}
          max={100}
          step={1}
          value={k}
          onChange={(e) => setK(Number(e.target.value))}
        />{' '}
        <output>{k}</output>
      </label>
    </fieldset>
  );
}
