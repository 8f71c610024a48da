import { useAppStore } from '../../store/appStore';
import { NumberField } from '../../ui/NumberField';
import { Term } from '../../ui/Term';

/** Decoding settings of the inspector: beam, results, length normalisation, trie, diversity. */
export function InspectSettings() {
  const p = useAppStore((s) => s.inspectParams);
  const set = useAppStore((s) => s.setInspectParams);
  return (
    <fieldset className="inspect-settings">
      <legend>Decoding</legend>
      <NumberField
        label={<Term id="beam-size">Beam size</Term>}
        value={p.beamSize}
        min={1}
        max={100}
        onChange={(v) => set({ beamSize: v ?? p.beamSize, topK: Math.min(p.topK, v ?? p.topK) })}
      />
      <NumberField
        label="Results"
        value={p.topK}
        min={1}
        max={p.beamSize}
        onChange={(v) => set({ topK: v ?? p.topK })}
      />
      <NumberField
        label="Length normalisation α"
        value={p.lengthPenalty}
        min={0}
        max={2}
        integer={false}
        hint={
          <>
            score = <Term id="log-probability">log-prob</Term> / length^α
          </>
        }
        onChange={(v) => set({ lengthPenalty: v ?? 0 })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={p.constrained}
          // the label's text, without the spaces a name computed around its term button may gain
          aria-label="Constrain to valid docids (trie)"
          onChange={(e) => set({ constrained: e.target.checked })}
        />{' '}
        Constrain to valid docids (<Term id="trie">trie</Term>)
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={p.diverse}
          onChange={(e) => set({ diverse: e.target.checked })}
        />{' '}
        Diverse beam search
      </label>
      {p.diverse && (
        <>
          <NumberField
            label="Groups G"
            value={p.groups}
            min={1}
            max={p.beamSize}
            hint="must divide the beam size"
            onChange={(v) => set({ groups: v ?? p.groups })}
          />
          <NumberField
            label="Diversity strength λ"
            value={p.diversityStrength}
            min={0}
            max={5}
            integer={false}
            onChange={(v) => set({ diversityStrength: v ?? p.diversityStrength })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={p.sideBySide}
              onChange={(e) => set({ sideBySide: e.target.checked })}
            />{' '}
            Compare with plain beam search side by side
          </label>
        </>
      )}
    </fieldset>
  );
}
