import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it('uses decimal units with two or one decimals', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1234)).toBe('1.23 kB');
    expect(formatBytes(2_000_000)).toBe('2.00 MB');
    expect(formatBytes(45_600_000)).toBe('45.6 MB');
    expect(formatBytes(-1)).toBe('—');
  });
});
