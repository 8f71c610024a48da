import { describe, expect, it } from 'vitest';
import {
  DEMO_TRAIN_CONFIG,
  LARGE_CORPUS_CONFIG,
  TINY_TRAIN_CONFIG,
} from '../../models/train/presets';
import { tooSmallToLearn } from './learningCapacity';

describe('tooSmallToLearn', () => {
  it('flags the Tiny preset for its width and its epochs', () => {
    expect(tooSmallToLearn(TINY_TRAIN_CONFIG)).toEqual([
      'a width of 16 (under 32)',
      '3 epochs (under 5)',
    ]);
  });

  it('passes the presets meant to learn', () => {
    expect(tooSmallToLearn(DEMO_TRAIN_CONFIG)).toEqual([]);
    expect(tooSmallToLearn(LARGE_CORPUS_CONFIG)).toEqual([]);
  });

  it('flags a default-sized model trained for a single epoch, and a narrow one trained long', () => {
    expect(tooSmallToLearn({ ...DEMO_TRAIN_CONFIG, epochs: 1 })).toEqual(['1 epoch (under 5)']);
    expect(tooSmallToLearn({ ...TINY_TRAIN_CONFIG, epochs: 60 })).toEqual([
      'a width of 16 (under 32)',
    ]);
  });
});
