import { describe, expect, it } from 'vitest';
import { clampZoom, fitScale, MAX_ZOOM, MIN_ZOOM, scrollKeepingCentre } from './zoomMath';

describe('fitScale', () => {
  it('shrinks a wide tree to the box width', () => {
    // the teacher's case: a 764 px tree in a 419 px box
    expect(fitScale(764, 300, 419, 600)).toBeCloseTo(419 / 764, 10);
  });

  it('shrinks a tall tree to the height limit', () => {
    expect(fitScale(500, 1200, 1000, 600)).toBe(0.5);
  });

  it('never enlarges a tree that already fits', () => {
    expect(fitScale(300, 200, 1000, 600)).toBe(1);
  });

  it('stays within the zoom limits and copes with an unmeasured box', () => {
    expect(fitScale(100_000, 100, 400, 600)).toBe(MIN_ZOOM);
    expect(fitScale(500, 300, 0, 600)).toBe(1);
    expect(clampZoom(10)).toBe(MAX_ZOOM);
  });
});

describe('scrollKeepingCentre', () => {
  it('keeps the point under the box centre in place', () => {
    // view 400 px scrolled to 100 at scale 1: the centre is content x 300; at scale 2 it is 600
    expect(scrollKeepingCentre(100, 400, 1, 2)).toBe(400);
    expect(scrollKeepingCentre(400, 400, 2, 1)).toBe(100);
  });

  it('does not scroll before the start', () => {
    expect(scrollKeepingCentre(0, 400, 1, 0.5)).toBe(0);
  });
});
