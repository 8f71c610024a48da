import { useCallback, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { clampZoom, fitScale, scrollKeepingCentre, ZOOM_STEP } from './zoomMath';

/** The tallest a tree box grows (px, inside its border). */
export const MAX_BOX_HEIGHT = 600;
/** A press that moves further than this (px) pans instead of clicking. */
const DRAG_SLOP = 4;

/**
 * Zoom and pan for a drawing of `width` × `height` in a scrolling box: fitted to the box by
 * default (and kept fitted as the box or the drawing changes size), zoomed in or out around the
 * box's centre, and panned by dragging with the mouse (or scrolling).
 */
export function useTreeZoom(width: number, height: number) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  // null: fitted to the box
  const [zoom, setZoom] = useState<number | null>(null);
  const fit = fitScale(width, height, boxWidth, MAX_BOX_HEIGHT);
  const scale = zoom ?? fit;

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    setBoxWidth(box.clientWidth);
    const observer = new ResizeObserver(() => setBoxWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // zooming keeps the box's centre where it was
  const shown = useRef(scale);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const from = shown.current;
    shown.current = scale;
    if (!box || from === scale) return;
    box.scrollLeft = scrollKeepingCentre(box.scrollLeft, box.clientWidth, from, scale);
    box.scrollTop = scrollKeepingCentre(box.scrollTop, box.clientHeight, from, scale);
  }, [scale]);

  const zoomBy = useCallback((factor: number) => setZoom(clampZoom(scale * factor)), [scale]);

  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean }>(null);
  const panned = useRef(false);
  const pan = {
    onPointerDown(e: PointerEvent<HTMLDivElement>) {
      panned.current = false;
      if (e.pointerType !== 'mouse' || e.button !== 0) return; // touch scrolls natively
      const box = e.currentTarget;
      drag.current = {
        x: e.clientX,
        y: e.clientY,
        left: box.scrollLeft,
        top: box.scrollTop,
        moved: false,
      };
    },
    onPointerMove(e: PointerEvent<HTMLDivElement>) {
      const d = drag.current;
      if (!d) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.abs(dx) + Math.abs(dy) < DRAG_SLOP) return;
      if (!d.moved) {
        // only a real drag captures the pointer, so a plain click still reaches the node
        d.moved = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }
      e.currentTarget.scrollLeft = d.left - dx;
      e.currentTarget.scrollTop = d.top - dy;
    },
    onPointerUp() {
      panned.current = drag.current?.moved ?? false;
      drag.current = null;
    },
    onPointerCancel() {
      drag.current = null;
    },
    // a drag that ends over a node does not select it
    onClickCapture(e: { preventDefault(): void; stopPropagation(): void }) {
      if (!panned.current) return;
      panned.current = false;
      e.preventDefault();
      e.stopPropagation();
    },
  };

  return {
    boxRef,
    scale,
    fitted: zoom === null,
    /** the drawing is larger than the box: dragging pans */
    pannable: width * scale > boxWidth + 1 || height * scale > MAX_BOX_HEIGHT + 1,
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    fitToBox: () => setZoom(null),
    pan,
  };
}
