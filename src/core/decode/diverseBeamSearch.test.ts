import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  beamSearch,
  compareTokens,
  normalisedScore,
  type BeamResult,
  type StepFn,
  type StepTrace,
} from './beamSearch';
import {
  BOS,
  docidSets,
  EOS,
  modelOf,
  pathLogProb,
  seeds,
  TOKENS,
  VOCAB,
} from './beamSearchFixtures';
import {
  DEFAULT_DIVERSE_BEAM_SEARCH_PARAMS,
  diverseBeamSearch,
  type DiverseBeamResult,
  type DiverseBeamSearchParams,
  type DiverseStepTrace,
} from './diverseBeamSearch';
import { buildTrie, lookup } from './trie';

const params = (p: Partial<DiverseBeamSearchParams>): DiverseBeamSearchParams => ({
  ...DEFAULT_DIVERSE_BEAM_SEARCH_PARAMS,
  ...p,
});

/** The fields a plain beamSearch result / trace entry has, to compare the two searches. */
const asPlainResult = ({ tokens, logProb, score, doc }: DiverseBeamResult): BeamResult => ({
  tokens,
  logProb,
  score,
  doc,
});
const asPlainStep = ({ step, beams, chosen, pruned, finished }: DiverseStepTrace): StepTrace => ({
  step,
  beams,
  chosen,
  pruned,
  finished,
});

const strengths = fc.constantFrom(0, 0.25, 0.5, 1, 5);
const common = {
  topK: fc.integer({ min: 1, max: 9 }),
  maxLength: fc.integer({ min: 1, max: 6 }),
  lengthPenalty: fc.constantFrom(0, 1),
  constrained: fc.boolean(),
};

describe('diverseBeamSearch against plain beam search', () => {
  it('with one group is plain beamSearch, whatever λ', async () => {
    const settings = fc.record({
      ...common,
      beamSize: fc.integer({ min: 1, max: 6 }),
      diversityStrength: strengths,
    });
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, p) => {
        const { step } = modelOf(seed);
        const trie = buildTrie(seqs, EOS);
        const plain = await beamSearch(step, trie, p, TOKENS);
        const diverse = await diverseBeamSearch(step, trie, { ...p, groups: 1 }, TOKENS);
        expect(diverse.results.map(asPlainResult)).toEqual(plain.results);
        expect(diverse.results.every((r) => r.group === 0)).toBe(true);
        expect(diverse.trace.map(asPlainStep)).toEqual(plain.trace);
        expect(diverse.trace.every((s) => s.group === 0)).toBe(true);
      }),
    );
  });

  it('with λ = 0, every group is plain beamSearch of width beamSize/G', async () => {
    const settings = fc.record({
      ...common,
      groups: fc.integer({ min: 1, max: 3 }),
      width: fc.integer({ min: 1, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, { groups, width, ...p }) => {
        const { step } = modelOf(seed);
        const trie = buildTrie(seqs, EOS);
        const plain = await beamSearch(step, trie, { ...p, beamSize: width }, TOKENS);
        const diverse = await diverseBeamSearch(
          step,
          trie,
          { ...p, beamSize: groups * width, groups, diversityStrength: 0 },
          TOKENS,
        );
        const plainFinished = plain.trace.flatMap((s) => s.finished);
        for (let g = 0; g < groups; g++) {
          const mine = diverse.trace.filter((s) => s.group === g);
          expect(mine.flatMap((s) => s.finished)).toEqual(plainFinished);
          expect(mine.map(asPlainStep)).toEqual(plain.trace);
        }
        // Identical groups de-duplicate to the plain run's finished set, credited to group 0.
        const top = diverse.results.slice(0, plain.results.length);
        expect(top.map(asPlainResult)).toEqual(plain.results);
        expect(diverse.results.every((r) => r.group === 0)).toBe(true);
      }),
    );
  });
});

describe('diverseBeamSearch results', () => {
  it('constrained, yields only docids of the trie, unique, with their true log-prob', async () => {
    const settings = fc.record({
      ...common,
      constrained: fc.constant(true),
      groups: fc.integer({ min: 1, max: 3 }),
      width: fc.integer({ min: 1, max: 3 }),
      diversityStrength: strengths,
    });
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, { width, ...p }) => {
        const { step, logProbs } = modelOf(seed);
        const trie = buildTrie(seqs, EOS);
        const beamSize = p.groups * width;
        const { results } = await diverseBeamSearch(step, trie, { ...p, beamSize }, TOKENS);
        expect(results.length).toBeLessThanOrEqual(Math.min(p.topK, beamSize));
        for (const r of results) {
          expect(r.doc).toBeDefined();
          expect(lookup(trie, r.tokens)).toBe(r.doc);
          // The penalty steered the search, but the reported log-prob is the model's.
          expect(r.logProb).toBe(pathLogProb(logProbs, r.tokens));
          expect(r.score).toBe(normalisedScore(r.logProb, r.tokens.length + 1, p.lengthPenalty));
          expect(r.group).toBeGreaterThanOrEqual(0);
          expect(r.group).toBeLessThan(p.groups);
        }
        for (let i = 1; i < results.length; i++) {
          const [a, b] = [results[i - 1], results[i]];
          // Strictly ordered: sorted, and no token sequence twice.
          expect(
            a.score > b.score || (a.score === b.score && compareTokens(a.tokens, b.tokens) < 0),
          ).toBe(true);
        }
      }),
    );
  });

  // Docids 0, 1, 2 of one digit. The model at the root: p(0) = 0.5, p(1) = 0.3, p(2) = 0.2, so
  // log-probs ≈ −0.6931, −1.2040, −1.6094; after a digit, EOS with probability 1 (log 0).
  // Three groups of one beam each, so each group picks one first token at step 0:
  //   λ = 0:   nobody is penalised → 0, 0, 0.
  //   λ = 0.5: group 1: 0 scores −0.6931 − 0.5 = −1.1931 > −1.2040 for 1 → still 0;
  //            group 2: 0 scores −0.6931 − 2·0.5 = −1.6931 < −1.2040 → 1.
  //   λ = 1:   group 1: 0 scores −1.6931 < −1.2040 → 1;
  //            group 2: 0 → −1.6931, 1 → −1.2040 − 1 = −2.2040, 2 → −1.6094 → 2.
  const root = [0.5, 0.3, 0.2];
  const rowOf = (probs: number[]) =>
    Float32Array.from({ length: VOCAB }, (_, t) => Math.log(probs[t] ?? 0));
  const atRoot = rowOf(root);
  const afterDigit = rowOf(Array.from({ length: VOCAB }, (_, t) => (t === EOS ? 1 : 0)));
  const fixedStep: StepFn = (prefixes) =>
    Promise.resolve(prefixes.map((p) => (p.length === 1 ? atRoot : afterDigit)));
  const digits = buildTrie([[0], [1], [2]], EOS);
  const three = (diversityStrength: number) =>
    params({ beamSize: 3, topK: 3, groups: 3, diversityStrength });

  it('penalises tokens earlier groups chose at the same step, as computed by hand', async () => {
    const firstTokens = async (lambda: number) => {
      const { trace } = await diverseBeamSearch(fixedStep, digits, three(lambda), TOKENS);
      return trace.filter((s) => s.step === 0).map((s) => s.chosen.map((c) => c.token));
    };
    expect(await firstTokens(0)).toEqual([[0], [0], [0]]);
    expect(await firstTokens(0.5)).toEqual([[0], [0], [1]]);
    expect(await firstTokens(1)).toEqual([[0], [1], [2]]);

    const half = await diverseBeamSearch(fixedStep, digits, three(0.5), TOKENS);
    const penalties = half.trace.filter((s) => s.step === 0).map((s) => s.diversityPenalty[0]);
    expect(penalties).toEqual([0, 0.5, 1]);
    expect(half.results.map((r) => [r.tokens, r.group])).toEqual([
      [[0], 0],
      [[1], 2],
    ]);

    const { results } = await diverseBeamSearch(fixedStep, digits, three(1), TOKENS);
    expect(results).toEqual([
      { tokens: [0], logProb: atRoot[0], score: atRoot[0], doc: 0, group: 0 },
      { tokens: [1], logProb: atRoot[1], score: atRoot[1], doc: 1, group: 1 },
      { tokens: [2], logProb: atRoot[2], score: atRoot[2], doc: 2, group: 2 },
    ]);
    // With λ = 0 all three groups find docid 0; merged, that is one result.
    const same = await diverseBeamSearch(fixedStep, digits, three(0), TOKENS);
    expect(same.results.map((r) => r.tokens)).toEqual([[0]]);
  });

  it('calls the model once per time step with every group’s beams', async () => {
    const seen: number[][][] = [];
    const counted: StepFn = (prefixes) => (seen.push(prefixes), fixedStep(prefixes));
    await diverseBeamSearch(counted, digits, three(1), TOKENS);
    expect(seen).toEqual([
      [[BOS], [BOS], [BOS]],
      [
        [BOS, 0],
        [BOS, 1],
        [BOS, 2],
      ],
    ]);
  });

  it('rejects bad parameters', async () => {
    const { step } = modelOf(0);
    const run = (p: Partial<DiverseBeamSearchParams>) =>
      diverseBeamSearch(step, digits, params(p), TOKENS);
    await expect(run({ beamSize: 4, groups: 3 })).rejects.toThrow(/divisible/);
    await expect(run({ groups: 0 })).rejects.toThrow(/groups/);
    await expect(run({ groups: 1.5 })).rejects.toThrow(/groups/);
    await expect(run({ diversityStrength: -0.1 })).rejects.toThrow(/diversityStrength/);
    await expect(run({ diversityStrength: NaN })).rejects.toThrow(/diversityStrength/);
    await expect(run({ beamSize: 0 })).rejects.toThrow(/beamSize/);
  });

  it('reports the default parameters documented on the type', () => {
    expect(DEFAULT_DIVERSE_BEAM_SEARCH_PARAMS).toEqual({
      beamSize: 10,
      topK: 10,
      maxLength: 32,
      lengthPenalty: 0,
      constrained: true,
      groups: 1,
      diversityStrength: 0.5,
    });
  });
});
