/** Zoom limits of a tree view, and the step of one zoom-in or zoom-out click. */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 3;
export const ZOOM_STEP = 1.25;

/**
 * The scale that shows all of a `width` × `height` drawing in a box `boxWidth` wide and at most
 * `maxHeight` tall: the smaller of the two ratios, never above 1 (labels are drawn at their
 * readable size and not blown up), never below MIN_ZOOM.
 */
export function fitScale(
  width: number,
  height: number,
  boxWidth: number,
  maxHeight: number,
): number {
  if (!(width > 0 && height > 0 && boxWidth > 0 && maxHeight > 0)) return 1;
  return clampZoom(Math.min(1, boxWidth / width, maxHeight / height));
}

export const clampZoom = (scale: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));

/**
 * Where to scroll after zooming so the point at the box's centre stays there: `scroll` and `view`
 * are the scroll offset and visible length along one axis, `from` and `to` the old and new scale.
 */
export function scrollKeepingCentre(scroll: number, view: number, from: number, to: number) {
  const centre = (scroll + view / 2) / from;
  return Math.max(0, centre * to - view / 2);
}
