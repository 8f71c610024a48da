import type { DocidVocab } from '../../core/docids/types';
import { tokenLabel } from './groupColours';
import { formatPercent } from './probFormat';

export interface NextTokenChartProps {
  /** the tokens drawn, left to right, with the model's log-probability of each after the prefix */
  bars: readonly { token: number; logProb: number }[];
  vocab: DocidVocab;
  /** tokens the trie allows after the prefix */
  allowed: readonly number[];
  /** tokens the beam kept from this prefix */
  kept: readonly number[];
  /** diverse beam search: the penalty each token paid in this group (λ · times chosen before) */
  penalty?: readonly number[];
  colour: string;
}

const W = 420;
const H = 170;
const PAD = { left: 34, right: 8, top: 16, bottom: 34 };

/**
 * The next-token distribution as bars: allowed tokens in colour, tokens the trie forbids in grey
 * and hatched (the constraint mask), kept tokens outlined.
 */
export function NextTokenChart({
  bars,
  vocab,
  allowed,
  kept,
  penalty,
  colour,
}: NextTokenChartProps) {
  const probs = bars.map((b) => Math.exp(b.logProb));
  const max = Math.max(...probs, 1e-9);
  const allowedSet = new Set(allowed);
  const keptSet = new Set(kept);
  const slot = (W - PAD.left - PAD.right) / Math.max(1, probs.length);
  const plotH = H - PAD.top - PAD.bottom;
  // word pieces and document ids are long: write them slanted, cut to a few characters
  const short = vocab.size > 16;
  const label = (t: number) => {
    const text = tokenLabel(t, vocab);
    return short && text.length > 8 ? `${text.slice(0, 7)}…` : text;
  };
  const summary = bars
    .map(
      ({ token }, i) =>
        `${tokenLabel(token, vocab)} ${formatPercent(probs[i], 1)}${allowedSet.has(token) ? '' : ' (forbidden)'}`,
    )
    .join(', ');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`Next-token probabilities: ${summary}`}
      fontFamily="system-ui, sans-serif"
      fontSize={11}
    >
      <defs>
        <pattern
          id="forbidden-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#e3e6ec" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#b8bfcc" strokeWidth="2" />
        </pattern>
      </defs>
      <line
        x1={PAD.left}
        x2={W - PAD.right}
        y1={H - PAD.bottom}
        y2={H - PAD.bottom}
        stroke="#7d8799"
      />
      <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" fill="#5b6475">
        {formatPercent(max)}
      </text>
      {bars.map(({ token: t }, i) => {
        const p = probs[i];
        const h = Math.max(1, (p / max) * plotH);
        const x = PAD.left + i * slot + 3;
        const ok = allowedSet.has(t);
        return (
          <g key={t} data-token={tokenLabel(t, vocab)} data-allowed={ok}>
            <rect
              x={x}
              y={H - PAD.bottom - h}
              width={Math.max(1, slot - 6)}
              height={h}
              fill={ok ? colour : 'url(#forbidden-hatch)'}
              stroke={keptSet.has(t) ? '#1d2330' : 'none'}
              strokeWidth={2}
            />
            {p >= 0.01 && (
              <text
                x={x + (slot - 6) / 2}
                y={H - PAD.bottom - h - 3}
                textAnchor="middle"
                fill="#1d2330"
                fontSize={9}
              >
                {formatPercent(p)}
              </text>
            )}
            <text
              x={x + (slot - 6) / 2}
              y={H - PAD.bottom + 13}
              textAnchor={short ? 'end' : 'middle'}
              transform={
                short ? `rotate(-35 ${x + (slot - 6) / 2} ${H - PAD.bottom + 13})` : undefined
              }
              fontSize={short ? 9 : undefined}
              fill={ok ? '#1d2330' : '#9aa3b2'}
            >
              {label(t)}
            </text>
            {penalty && penalty[t] > 0 && (
              <text
                x={x + (slot - 6) / 2}
                y={H - PAD.bottom + 26}
                textAnchor="middle"
                fill="#b42318"
                fontSize={9}
              >
                −{penalty[t].toFixed(1)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
