import { useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { GLOSSARY, type TermId } from './glossary';

/** the popover's widest, in px (22rem), and its least distance from the viewport's sides */
const POPOVER_WIDTH = 352;
const EDGE = 8;

/**
 * Put the popover under its term, inside the viewport's width (so it never widens a phone's page).
 * It sits in the top layer, where `position: absolute` is relative to the document.
 */
function placeUnder(popover: HTMLElement, anchor: HTMLElement) {
  const box = anchor.getBoundingClientRect();
  const viewport = document.documentElement.clientWidth;
  const width = Math.min(POPOVER_WIDTH, viewport - 2 * EDGE);
  const left = Math.max(EDGE, Math.min(box.left, viewport - width - EDGE));
  popover.style.width = `${width}px`;
  popover.style.left = `${left + window.scrollX}px`;
  popover.style.top = `${box.bottom + 4 + window.scrollY}px`;
}

export interface TermProps {
  id: TermId;
  /** the words shown in the page (the glossary's name when absent) */
  children?: ReactNode;
}

/**
 * A word of jargon that opens its definition from the glossary: a button that toggles a native
 * popover (Enter or click opens it, Escape or a click elsewhere closes it). The popover lives
 * under <body>, so it never joins the name of the heading, label or cell the term stands in.
 */
export function Term({ id, children }: TermProps) {
  const entry = GLOSSARY[id];
  const popoverId = useId();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        ref={anchor}
        type="button"
        className="term"
        popoverTarget={popoverId}
        aria-expanded={open}
        aria-controls={popoverId}
      >
        {children ?? entry.name}
      </button>
      {createPortal(
        <div
          id={popoverId}
          popover="auto"
          role="dialog"
          aria-labelledby={`${popoverId}-name`}
          className="term-popover"
          onBeforeToggle={(e) => {
            if (e.newState === 'open' && anchor.current)
              placeUnder(e.currentTarget, anchor.current);
          }}
          onToggle={(e) => setOpen(e.newState === 'open')}
        >
          <strong id={`${popoverId}-name`}>{entry.name}</strong>
          <p>{entry.definition}</p>
        </div>,
        document.body,
      )}
    </>
  );
}
