import { useAppStore } from '../../store/appStore';

/** Beam size for the generative model (1–100): wider beams find more docids, and cost more. */
export function BeamSettings() {
  const params = useAppStore((s) => s.beamParams);
  const setBeamParams = useAppStore((s) => s.setBeamParams);
  return (
    <div className="row">
      <label>
        Beam size{' '}
        <input
          type="number"
          min={1}
          max={100}
          value={params.beamSize}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1 && n <= 100) setBeamParams({ beamSize: n });
          }}
        />
      </label>
      <span className="note">
        how many candidate docids the model keeps at each step: more finds more, and takes longer
      </span>
    </div>
  );
}
