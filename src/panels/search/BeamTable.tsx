import { formatDocid } from '../../core/docids/types';
import { useAppStore } from '../../store/appStore';
import { selectDocidVocab } from '../../store/modelSlice';

const fmt = (x: number) => x.toFixed(2);

/** The beam search, step by step: live prefixes, what was kept and what fell out. */
export function BeamTable() {
  const answer = useAppStore((s) => s.generative);
  const vocab = useAppStore(selectDocidVocab);
  if (!answer) return null;
  const docidToString = (tokens: readonly number[]) => formatDocid(tokens, vocab);
  return (
    <details className="card">
      <summary>Beam candidates per decoding step ({answer.trace.length} steps)</summary>
      <table className="beam-table" aria-label="Beam candidates">
        <thead>
          <tr>
            <th scope="col">step</th>
            <th scope="col">live prefixes (cumulative log-prob)</th>
            <th scope="col">kept expansions</th>
            <th scope="col">pruned</th>
            <th scope="col">finished</th>
          </tr>
        </thead>
        <tbody>
          {answer.trace.map((t) => (
            <tr key={t.step}>
              <td>{t.step + 1}</td>
              <td>
                {t.beams
                  .map(
                    (b) =>
                      `${docidToString(b.prefix) || '∅'} (${fmt(b.logProb)}, masked ${(100 * b.maskedMass).toFixed(0)}%)`,
                  )
                  .join(' · ')}
              </td>
              <td>
                {t.chosen
                  .map(
                    (c) =>
                      `${docidToString([...t.beams[c.parent].prefix, c.token])} ${fmt(c.logProb)}`,
                  )
                  .join(' · ')}
              </td>
              <td className="pruned">
                {t.pruned
                  .map(
                    (c) =>
                      `${docidToString([...t.beams[c.parent].prefix, c.token])} ${fmt(c.logProb)}`,
                  )
                  .join(' · ') || '—'}
              </td>
              <td>
                {t.finished
                  .map((f) => `${docidToString(f.tokens)} ${fmt(f.logProb)}`)
                  .join(' · ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
