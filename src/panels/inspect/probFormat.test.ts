import { describe, expect, it } from 'vitest';
import { formatLogProb, formatPercent } from './probFormat';

// the page writes "42 %" with a non-breaking space and a true minus sign (U+2212)
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

describe('formatPercent', () => {
  it('rounds to whole percent by default', () => {
    expect(plain(formatPercent(0.42))).toBe('42 %');
    expect(plain(formatPercent(0.4249))).toBe('42 %');
    expect(plain(formatPercent(0.425))).toBe('43 %');
    expect(plain(formatPercent(0.07))).toBe('7 %');
    expect(plain(formatPercent(1))).toBe('100 %');
    expect(plain(formatPercent(0))).toBe('0 %');
  });

  it('says "<1 %" for small non-zero values and ">99 %" just short of certain', () => {
    expect(plain(formatPercent(0.004))).toBe('<1 %');
    expect(plain(formatPercent(1e-9))).toBe('<1 %');
    // 0.5 % rounds to 1 %: it is not below one percent once rounded
    expect(plain(formatPercent(0.005))).toBe('1 %');
    expect(plain(formatPercent(0.996))).toBe('>99 %');
    expect(plain(formatPercent(0.994))).toBe('99 %');
  });

  it('keeps the asked decimals', () => {
    expect(plain(formatPercent(0.0751, 1))).toBe('7.5 %');
    expect(plain(formatPercent(0.0004, 1))).toBe('<0.1 %');
    expect(plain(formatPercent(0.9996, 1))).toBe('>99.9 %');
    expect(plain(formatPercent(0.5, 1))).toBe('50.0 %');
  });

  it('never shows a bare ".00" or a sign', () => {
    for (const p of [0, 1e-12, 0.001, 0.01, 0.123, 0.5, 0.999, 1]) {
      expect(formatPercent(p)).toMatch(/^[<>]?\d+(\.\d+)?\u00a0%$/);
    }
  });
});

describe('formatLogProb', () => {
  it('gives two significant digits below 1 in magnitude', () => {
    expect(plain(formatLogProb(-0.31))).toBe('-0.31');
    expect(plain(formatLogProb(-0.314159))).toBe('-0.31');
    // log(0.9958) = -0.004209: two significant digits, never "-0.00"
    expect(plain(formatLogProb(Math.log(0.9958)))).toBe('-0.0042');
    expect(plain(formatLogProb(-0.000012345))).toBe('-0.000012');
    expect(plain(formatLogProb(-0.5))).toBe('-0.5');
  });

  it('gives two decimals from 1 up', () => {
    expect(plain(formatLogProb(-1.234))).toBe('-1.23');
    expect(plain(formatLogProb(-12.3456))).toBe('-12.35');
    expect(plain(formatLogProb(-1234.5))).toBe('-1234.50');
  });

  it('writes 0, positive values and -∞ plainly', () => {
    expect(formatLogProb(0)).toBe('0');
    expect(formatLogProb(0.25)).toBe('0.25');
    expect(plain(formatLogProb(-Infinity))).toBe('-∞');
  });

  it('never reads as zero for a value that is not', () => {
    for (const x of [-1e-9, -3e-5, -0.004, -0.049, -0.0051]) {
      expect(plain(formatLogProb(x))).not.toMatch(/^-?0(\.0+)?$/);
    }
  });
});
