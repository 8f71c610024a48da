import type { ReactNode } from 'react';
import { groupColour } from './groupColours';

const INK = '#1d2330';
const MUTED = '#5b6475';

/** A small drawing of one of the tree's marks, as the tree draws it. */
function Mark({ width = 22, children }: { width?: number; children: ReactNode }) {
  return (
    <svg
      className="tree-legend-mark"
      width={width}
      height={22}
      viewBox={`0 0 ${width} 22`}
      aria-hidden="true"
      fontFamily="system-ui, sans-serif"
      fontSize={12}
    >
      {children}
    </svg>
  );
}

const Pill = ({ text, fill, rx }: { text: string; fill: string; rx: number }) => (
  <Mark width={40}>
    <rect x={2} y={2} width={36} height={18} rx={rx} fill={fill} />
    <text x={20} y={15} textAnchor="middle" fill="#ffffff" fontWeight={700}>
      {text}
    </text>
  </Mark>
);

const Label = ({ text, width }: { text: string; width: number }) => (
  <Mark width={width}>
    <text x={0} y={15} fill={MUTED}>
      {text}
    </text>
  </Mark>
);

/**
 * Every mark the tree draws, and what it means: group colours (diverse beam search) or the kept
 * colour, pruned, the step's frontier, the path to a result, the start and end marks, the "+n"
 * badge and the two numbers beside each node.
 */
export function InspectLegend({ groups }: { groups: number }) {
  const dot = (colour: string) => (
    <Mark>
      <circle cx={11} cy={11} r={8} fill={colour} />
    </Mark>
  );
  return (
    <ul className="tree-legend" aria-label="Legend">
      {groups > 1 ? (
        Array.from({ length: groups }, (_, g) => (
          <li key={g} data-testid="group-swatch">
            {dot(groupColour(g))} group {g + 1}
          </li>
        ))
      ) : (
        <li>{dot(groupColour(0))} kept in the beam (a short token is written inside)</li>
      )}
      <li>
        <Mark>
          <circle cx={11} cy={11} r={8} fill="#ffffff" stroke="#9aa3b2" strokeDasharray="3 2" />
        </Mark>{' '}
        pruned: fell out of the beam
      </li>
      <li>
        <Mark>
          <circle cx={11} cy={11} r={7.5} fill="#ffffff" stroke="#f0b400" strokeWidth={3} />
        </Mark>{' '}
        expanded at the shown step
      </li>
      <li>
        <Mark>
          <line x1={1} x2={21} y1={11} y2={11} stroke="#3454d1" strokeWidth={3} />
        </Mark>{' '}
        path to a returned result
      </li>
      <li>
        <Pill text="start" fill={INK} rx={9} /> start: the empty docid every search begins from
      </li>
      <li>
        <Pill text="end" fill={groupColour(0)} rx={4} /> end: the model wrote the end token, so the
        docid is complete (#1 = its rank among the results)
      </li>
      <li>
        <Mark width={26}>
          <text x={2} y={15} fill="#3454d1" fontWeight={700}>
            +n
          </text>
        </Mark>{' '}
        n pruned alternatives hidden after this prefix: click to show them (−n hides them)
      </li>
      <li>
        <Label text="42 %" width={36} /> chance of the node’s token after the prefix before it
      </li>
      <li>
        <Label text="log p −0.31" width={72} /> log-probability of the whole prefix (0 = certain;
        more negative = less likely)
      </li>
    </ul>
  );
}
