import type { CSSProperties } from 'react';
import { groupColour } from './groupColours';

const swatch = (colour: string) => ({ '--swatch': colour }) as CSSProperties;

/** What the tree's colours and strokes mean; one swatch per group for diverse beam search. */
export function InspectLegend({ groups }: { groups: number }) {
  return (
    <ul className="legend" aria-label="Legend">
      {groups > 1 ? (
        Array.from({ length: groups }, (_, g) => (
          <li key={g} data-testid="group-swatch" style={swatch(groupColour(g))}>
            group {g + 1}
          </li>
        ))
      ) : (
        <li style={swatch(groupColour(0))}>kept in the beam</li>
      )}
      <li className="legend-pruned">pruned (fell out of the beam)</li>
      <li className="legend-frontier">expanded at this step</li>
      <li className="legend-path">path to a returned result</li>
    </ul>
  );
}
