import {
  cannotBeOvertaken,
  checkBeamSearchInputs,
  compareTokens,
  DEFAULT_BEAM_SEARCH_PARAMS,
  normalisedScore,
  traceAndOffer,
  type Beam,
  type BeamResult,
  type BeamSearchParams,
  type Candidate,
  type DecoderTokens,
  type StepFn,
  type StepTrace,
} from './beamSearch';
import { BoundedBest } from './boundedBest';
import { asConstraint, type DecodeConstraint } from './constraint';
import type { DocidTrie } from './trie';

/**
 * Diverse beam search (Vijayakumar et al., "Diverse Beam Search", 2016/AAAI 2018): the beam is
 * split into groups decoded side by side; a group pays a Hamming penalty for each token that the
 * groups before it already chose at the same step, so the groups drift towards different docids.
 */
export interface DiverseBeamSearchParams extends BeamSearchParams {
  /**
   * Number of groups G; beamSize is split into G groups of beamSize/G beams (beamSize must be
   * divisible by G, else it throws). Default 1 (= plain beam search); range 1–beamSize.
   */
  groups: number;
  /**
   * Diversity strength λ ≥ 0: a token's selection score loses λ for every earlier group that chose
   * it at this step. Default 0.5; range 0–5 (0: G independent copies of the same beam search).
   */
  diversityStrength: number;
}

export const DEFAULT_DIVERSE_BEAM_SEARCH_PARAMS: DiverseBeamSearchParams = {
  ...DEFAULT_BEAM_SEARCH_PARAMS,
  groups: 1,
  diversityStrength: 0.5,
};

/**
 * One entry per (step, group) that still had live beams; within a step, groups come in order and
 * their `beams` are consecutive slices of the one StepFn batch. `chosen` and `pruned` are ranked by
 * the penalised score logProb − diversityPenalty[token]; their `logProb` stays the model's own.
 */
export interface DiverseStepTrace extends StepTrace {
  /** 0-based group index. */
  group: number;
  /** Per token (length vocabSize): λ · times the groups before this one chose it at this step. */
  diversityPenalty: number[];
}

export interface DiverseBeamResult extends BeamResult {
  /** 0-based group that found the sequence first (the lowest index, as all find it at one step). */
  group: number;
}

export interface DiverseBeamSearchOutput {
  results: DiverseBeamResult[];
  trace: DiverseStepTrace[];
}

interface Finished {
  tokens: number[];
  logProb: number;
  /** The node EOS led to: a leaf for a real docid, else NO_NODE. */
  node: number;
  group: number;
}

interface Group {
  live: Beam[];
  /** This group's finished sequences, for its own stopping rule. */
  finished: Finished[];
}

/**
 * Diverse beam search over `step`, restricted to `trie` when `params.constrained`.
 *
 * Each group is the plain `beamSearch` of width beamSize/G over its own live beams — same ranking,
 * tie-breaks and stopping rule (with topK clamped to the width) — except that group g selects by
 * logProb − λ·count(token), count being how often groups 0…g−1 chose that token at this step
 * (EOS included). The penalty steers selection only; reported log-probs and scores are the
 * model's. The model's log-probs do not depend on the penalty, so every group's live beams go to
 * `step` in one batch per time step. Results: all groups' finished sequences, de-duplicated by
 * tokens, ranked by score (ties: lexicographic), the best min(topK, beamSize).
 */
export async function diverseBeamSearch(
  step: StepFn,
  constraint: DocidTrie | DecodeConstraint,
  params: DiverseBeamSearchParams,
  tokens: DecoderTokens,
): Promise<DiverseBeamSearchOutput> {
  const trie = asConstraint(constraint);
  checkBeamSearchInputs(trie, params, tokens);
  checkDiversityParams(params);
  const { beamSize, maxLength, lengthPenalty, constrained, groups } = params;
  const width = beamSize / groups;
  const topK = Math.min(params.topK, beamSize);
  // A group stops as a plain beam search of its width would: once its own top results are safe.
  const groupTopK = Math.min(params.topK, width);
  const { bos, vocabSize } = tokens;

  const state: Group[] = Array.from({ length: groups }, () => ({
    live: [{ tokens: [], node: trie.root, logProb: 0 }],
    finished: [],
  }));
  const finished: Finished[] = [];
  const trace: DiverseStepTrace[] = [];

  for (let t = 0; t < maxLength; t++) {
    for (const group of state) {
      if (constrained && group.live.every((b) => trie.allowed(b.node).length === 0)) {
        group.live = [];
      }
    }
    const batch = state.flatMap((group) => group.live);
    if (batch.length === 0) break;
    const rows = await step(batch.map((b) => [bos, ...b.tokens]));
    if (rows.length !== batch.length) {
      throw new Error(`step returned ${rows.length} rows for ${batch.length} prefixes`);
    }
    for (const row of rows) {
      if (row.length !== vocabSize) {
        throw new Error(`step returned ${row.length} log-probs; vocabSize is ${vocabSize}`);
      }
    }

    // Hamming diversity: how often each token was chosen at this step by the groups so far.
    const counts = new Array<number>(vocabSize).fill(0);
    let offset = 0;
    for (let g = 0; g < groups; g++) {
      const group = state[g];
      if (group.live.length === 0) continue;
      const groupRows = rows.slice(offset, offset + group.live.length);
      offset += group.live.length;
      const diversityPenalty = counts.map((c) => params.diversityStrength * c);
      const entry = expandGroup(trie, group.live, groupRows, {
        penalty: diversityPenalty,
        width,
        constrained,
        tokens,
      });
      for (const c of entry.chosen) counts[c.token]++;

      const next: Beam[] = [];
      const finishedNow: Finished[] = [];
      for (const c of entry.chosen) {
        const parent = group.live[c.parent];
        const node = trie.child(parent.node, c.token);
        if (c.token === tokens.eos) {
          finishedNow.push({ tokens: parent.tokens, logProb: c.logProb, node, group: g });
        } else next.push({ tokens: [...parent.tokens, c.token], node, logProb: c.logProb });
      }
      group.finished.push(...finishedNow);
      finished.push(...finishedNow);
      trace.push({
        step: t,
        group: g,
        ...entry,
        finished: finishedNow.map((f) => ({ tokens: f.tokens, logProb: f.logProb })),
        diversityPenalty,
      });
      group.live = next;
      if (lengthPenalty === 0 && cannotBeOvertaken(group.finished, group.live, groupTopK)) {
        group.live = [];
      }
    }
  }

  return { results: mergeResults(trie, finished, lengthPenalty, topK), trace };
}

/** One group's expansions at one step: its width best by penalised score, then the best pruned. */
function expandGroup(
  trie: DecodeConstraint,
  live: readonly Beam[],
  rows: readonly Float32Array[],
  how: { penalty: readonly number[]; width: number; constrained: boolean; tokens: DecoderTokens },
): Pick<StepTrace, 'beams' | 'chosen' | 'pruned'> {
  const { penalty, width, constrained } = how;
  const { bos, vocabSize } = how.tokens;
  const score = (c: Candidate) => c.logProb - penalty[c.token];
  // As in beamSearch: ties fall to the lexicographically smaller sequence, whatever the batch order.
  const before = (a: Candidate, b: Candidate): boolean => {
    const [sa, sb] = [score(a), score(b)];
    return (
      sa > sb ||
      (sa === sb &&
        (a.parent === b.parent
          ? a.token < b.token
          : compareTokens(live[a.parent].tokens, live[b.parent].tokens) < 0))
    );
  };
  // 2·width: the width kept plus the width best pruned ones, for the trace.
  const best = new BoundedBest<Candidate>(2 * width, before);
  const offer = (parent: number, token: number, logProb: number) => {
    if (Number.isNaN(logProb)) throw new Error(`step returned NaN for token ${token}`);
    if (logProb === -Infinity) return; // probability 0: never a result
    const worst = best.worstWhenFull;
    if (worst !== undefined && logProb - penalty[token] < score(worst)) return;
    best.offer({ parent, token, logProb });
  };

  const beams = traceAndOffer(
    trie,
    live,
    rows,
    { constrained, bos, vocabSize, keep: width },
    offer,
  );
  const ranked = best.sorted();
  return { beams, chosen: ranked.slice(0, width), pruned: ranked.slice(width) };
}

/** All groups' finished sequences, one per token sequence (best logProb, first group), best first. */
function mergeResults(
  trie: DecodeConstraint,
  finished: readonly Finished[],
  lengthPenalty: number,
  topK: number,
): DiverseBeamResult[] {
  const byTokens = new Map<string, Finished>();
  for (const f of finished) {
    const key = f.tokens.join(',');
    const seen = byTokens.get(key);
    if (seen === undefined) byTokens.set(key, f);
    else if (f.logProb > seen.logProb) byTokens.set(key, { ...f, group: seen.group });
  }
  return [...byTokens.values()]
    .map((f) => ({
      tokens: f.tokens,
      logProb: f.logProb,
      score: normalisedScore(f.logProb, f.tokens.length + 1, lengthPenalty),
      doc: trie.docOf(f.node),
      group: f.group,
    }))
    .sort((a, b) => b.score - a.score || compareTokens(a.tokens, b.tokens))
    .slice(0, topK);
}

function checkDiversityParams({ beamSize, groups, diversityStrength }: DiverseBeamSearchParams) {
  if (!Number.isInteger(groups) || groups < 1) {
    throw new RangeError(`groups must be an integer ≥ 1, got ${groups}`);
  }
  if (beamSize % groups !== 0) {
    throw new RangeError(`beamSize ${beamSize} is not divisible by groups ${groups}`);
  }
  if (!(diversityStrength >= 0 && Number.isFinite(diversityStrength))) {
    throw new RangeError(`diversityStrength must be a finite number ≥ 0, got ${diversityStrength}`);
  }
}
