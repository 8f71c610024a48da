import { describe, expect, it } from 'vitest';
import { formatDuration, formatMegabytes, formatRate } from './trainFormat';

describe('formatDuration', () => {
  it('writes m:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65.4)).toBe('1:05');
    expect(formatDuration(4503)).toBe('75:03');
    expect(formatDuration(NaN)).toBe('–');
  });
});

describe('formatRate', () => {
  it('keeps a decimal only for small rates', () => {
    expect(formatRate(12.34)).toBe('12.3');
    expect(formatRate(456.7)).toBe('457');
  });
});

describe('formatMegabytes', () => {
  it('keeps two decimals below a megabyte', () => {
    expect(formatMegabytes(52_000)).toBe('0.05 MB');
    expect(formatMegabytes(1_234_567)).toBe('1.2 MB');
    expect(formatMegabytes(NaN)).toBe('–');
  });
});
