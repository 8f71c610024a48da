import { describe, expect, it } from 'vitest';
import type { GenerativeAnswer } from '../../worker/engineApi';
import { traceForExport, treeCaption } from './exportTrace';

const entry = (step: number, group?: number) => ({
  step,
  group,
  beams: [],
  chosen: [],
  pruned: [],
  finished: [],
});

const answer = (groups: number): GenerativeAnswer => ({
  query: 'why is venus hot',
  params: {
    beamSize: 6,
    topK: 6,
    maxLength: 32,
    lengthPenalty: 0,
    constrained: true,
    groups,
    diversityStrength: 1,
  },
  hits: [
    {
      docId: 'd1',
      docid: '3,1',
      label: '3-1',
      tokens: [3, 1],
      logProb: -0.2,
      score: -0.2,
      group: 0,
    },
    {
      docId: 'd2',
      docid: '4,0',
      label: '4-0',
      tokens: [4, 0],
      logProb: -0.9,
      score: -0.9,
      group: 2,
    },
  ],
  trace: [entry(0, 0), entry(0, 1), entry(0, 2)],
  docOf: {},
  ms: 1,
});

describe('traceForExport', () => {
  it('numbers groups from 1 in hits and trace, as the page does, and says so', () => {
    const out = traceForExport(answer(3));
    expect(out.hits.map((h) => h.group)).toEqual([1, 3]);
    expect(out.trace.map((e) => e.group)).toEqual([1, 2, 3]);
    expect(out.groupsNumbered).toBe('from 1, as in the page');
  });

  it('leaves the answer it was given as it was', () => {
    const a = answer(3);
    traceForExport(a);
    expect(a.hits.map((h) => h.group)).toEqual([0, 2]);
    expect(a.trace.map((e) => e.group)).toEqual([0, 1, 2]);
  });

  it('leaves plain beam search (no groups) without group numbers', () => {
    const a = { ...answer(1), trace: [entry(0), entry(1)] };
    a.hits = a.hits.map(({ group: _, ...h }) => h);
    const out = traceForExport(a);
    expect(out.trace.every((e) => e.group === undefined)).toBe(true);
    expect(out.hits.every((h) => h.group === undefined)).toBe(true);
    expect('groupsNumbered' in out).toBe(false);
  });
});

describe('treeCaption', () => {
  it('numbers groups from 1 and explains start, end and the labels', () => {
    const lines = treeCaption(answer(3));
    expect(lines[1]).toBe(
      'Settings: beam 6, 6 results, α 0, constrained to the docid trie, diverse beam search',
    );
    expect(lines[2]).toBe('Diverse beam search: 3 groups (numbered 1–3), λ 1');
    expect(lines[3]).toContain('colour = group (1–3)');
    expect(lines.join('\n')).toContain('end = the docid is complete');
    expect(lines.join('\n')).toContain('+n = n pruned alternatives');
    // short enough for a 640 px export at about 7 px a character
    for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(92);
  });
});
