import { describe, expect, it } from 'vitest';
import { fittingHeads, matryoshkaChoices, resizeMatryoshka, toggleDim } from './modelShape';

describe('fittingHeads', () => {
  it('keeps the head count when it divides the width, else takes the next smaller divisor', () => {
    expect(fittingHeads(64, 4)).toBe(4);
    expect(fittingHeads(16, 16)).toBe(16);
    expect(fittingHeads(8, 16)).toBe(8);
    expect(fittingHeads(24, 16)).toBe(8);
  });
});

describe('Matryoshka prefixes', () => {
  it('offers powers of two from 8 up to the width', () => {
    expect(matryoshkaChoices(64)).toEqual([8, 16, 32, 64]);
    expect(matryoshkaChoices(16)).toEqual([8, 16]);
  });
  it('keeps the prefixes that fit and the full vector when the width changes', () => {
    expect(resizeMatryoshka([16, 32, 64], 64, 16)).toEqual([16]);
    expect(resizeMatryoshka([16, 32, 64], 64, 128)).toEqual([16, 32, 128]);
    expect(resizeMatryoshka([8, 16], 64, 32)).toEqual([8, 16]);
    expect(resizeMatryoshka([], 64, 32)).toEqual([]);
  });
  it('toggles one size and keeps the list ascending', () => {
    expect(toggleDim([16, 64], 32, true)).toEqual([16, 32, 64]);
    expect(toggleDim([16, 32, 64], 32, false)).toEqual([16, 64]);
    expect(toggleDim([16], 16, true)).toEqual([16]);
  });
});
