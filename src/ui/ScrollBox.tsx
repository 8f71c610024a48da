import type { ReactNode } from 'react';

/**
 * A wide table in a box of its own that scrolls sideways, so that a phone's page never does. The
 * box takes keyboard focus (the arrow keys scroll it) and is named for screen readers.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
