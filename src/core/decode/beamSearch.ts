import { BoundedBest } from './boundedBest';
import { asConstraint, type DecodeConstraint } from './constraint';
import type { DocidTrie } from './trie';

/**
 * Log-probabilities over the vocabulary for each prefix (prefixes include the leading BOS token).
 * Called once per decoding step with all live beams batched.
 */
export type StepFn = (prefixes: number[][]) => Promise<Float32Array[]>;

export interface BeamSearchParams {
  /** Beams kept per step. Default 10; range 1–100. */
  beamSize: number;
  /** Results returned; clamped to beamSize. Default 10; range 1–beamSize. */
  topK: number;
  /** Maximum tokens generated, EOS included; beams still open then are dropped. Default 32; range 1–64. */
  maxLength: number;
  /**
   * Length normalisation exponent α: final score = logProb / length^α, length counting EOS.
   * Default 0 (none); range 0–2. Beams are still ranked by raw logProb while searching (as fairseq).
   */
  lengthPenalty: number;
  /** Restrict to the trie (true) or allow any token but BOS (false: shows invalid docids). Default true. */
  constrained: boolean;
}

/** Up to this many output tokens, the trace keeps each beam's whole next-token distribution. */
export const FULL_TRACE_VOCAB = 64;
/** Beyond it, the trace keeps this many of the most probable tokens (plus the best allowed ones). */
export const TRACE_TOP_TOKENS = 24;

export const DEFAULT_BEAM_SEARCH_PARAMS: BeamSearchParams = {
  beamSize: 10,
  topK: 10,
  maxLength: 32,
  lengthPenalty: 0,
  constrained: true,
};

/** The decoder's special tokens and vocabulary size (digit docids: bos 11, eos 10, vocabSize 12). */
export interface DecoderTokens {
  bos: number;
  eos: number;
  vocabSize: number;
}

export interface BeamResult {
  /** The docid's tokens, without BOS and EOS. */
  tokens: number[];
  /** Sum of the model's log-probabilities along the path, EOS included. */
  logProb: number;
  /** logProb / length^α; equals logProb when lengthPenalty is 0. */
  score: number;
  /** Document number from the trie; undefined when the sequence is not a docid (unconstrained). */
  doc: number | undefined;
}

export interface StepTrace {
  /** 0-based decoding step (= tokens generated before it). */
  step: number;
  /** The live beams fed to the model at this step, in the order of the StepFn batch. */
  beams: {
    /** Tokens generated so far, without BOS. */
    prefix: number[];
    logProb: number;
    /** Tokens the trie allows next ([] once an unconstrained beam has left the trie). */
    allowed: number[];
    /**
     * Probability mass outside `allowed`: what the constraint removed. Unconstrained, nothing is
     * removed and this is the chance of leaving the trie here.
     */
    maskedMass: number;
    /**
     * The model's full next-token log-probabilities for this beam (length vocabSize), for an
     * inspector to show what the constraint and the beam cut away. Only for vocabularies of at
     * most FULL_TRACE_VOCAB tokens (digit docids); larger ones (atomic, text) give `top` instead.
     */
    logProbs?: number[];
    /**
     * Large vocabularies: the most probable tokens, best first — the TRACE_TOP_TOKENS best of all
     * and the best `beamSize` allowed ones (every token the beam could keep from this prefix).
     */
    top?: { token: number; logProb: number }[];
  }[];
  /** Expansions kept, best first; `parent` indexes `beams`. EOS expansions are among them. */
  chosen: { parent: number; token: number; logProb: number }[];
  /** The best expansions that fell out of the beam, best first (at most beamSize). */
  pruned: { parent: number; token: number; logProb: number }[];
  /** Sequences that ended with EOS at this step (tokens without EOS). */
  finished: { tokens: number[]; logProb: number }[];
}

export interface BeamSearchOutput {
  results: BeamResult[];
  trace: StepTrace[];
}

export interface Beam {
  tokens: number[];
  /** Constraint state of `tokens` (a trie node); negative once an unconstrained beam has left it. */
  node: number;
  logProb: number;
}

export interface Candidate {
  parent: number;
  token: number;
  logProb: number;
}

interface Finished {
  tokens: number[];
  logProb: number;
  /** The node EOS led to: a leaf for a real docid, else NO_NODE. */
  node: number;
}

/** Token sequences in lexicographic order: the deterministic tie-break everywhere. */
export function compareTokens(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * Beam search over `step`, restricted to `trie` when `params.constrained`.
 *
 * The model's log-probabilities are used as given, not renormalised over the allowed tokens: a
 * docid's score stays its true probability under the model, comparable across constrained and
 * unconstrained runs; the trace reports the mass the constraint removed instead.
 *
 * Each step keeps the beamSize best expansions of all live beams; those that end in EOS are
 * finished and leave the live set. The search stops when no beam is live, at maxLength, or (with
 * lengthPenalty 0) once the topK-th finished logProb beats every live beam's — log-probs only fall
 * as a sequence grows, so nothing live could still overtake it.
 */
export async function beamSearch(
  step: StepFn,
  constraint: DocidTrie | DecodeConstraint,
  params: BeamSearchParams,
  tokens: DecoderTokens,
): Promise<BeamSearchOutput> {
  const trie = asConstraint(constraint);
  checkBeamSearchInputs(trie, params, tokens);
  const { beamSize, maxLength, lengthPenalty, constrained } = params;
  const topK = Math.min(params.topK, beamSize);
  const { bos, eos, vocabSize } = tokens;

  let live: Beam[] = [{ tokens: [], node: trie.root, logProb: 0 }];
  const finished: Finished[] = [];
  const trace: StepTrace[] = [];
  // Ties fall to the lexicographically smaller sequence, so results never depend on batch order.
  const before = (a: Candidate, b: Candidate): boolean =>
    a.logProb > b.logProb ||
    (a.logProb === b.logProb &&
      (a.parent === b.parent
        ? a.token < b.token
        : compareTokens(live[a.parent].tokens, live[b.parent].tokens) < 0));

  for (let t = 0; t < maxLength && live.length > 0; t++) {
    if (constrained && live.every((b) => trie.allowed(b.node).length === 0)) break;
    const logProbs = await step(live.map((b) => [bos, ...b.tokens]));
    if (logProbs.length !== live.length) {
      throw new Error(`step returned ${logProbs.length} rows for ${live.length} prefixes`);
    }

    // 2·beamSize: the beamSize kept plus the beamSize best pruned ones, for the trace.
    const best = new BoundedBest<Candidate>(2 * beamSize, before);
    const offer = (parent: number, token: number, logProb: number) => {
      if (Number.isNaN(logProb)) throw new Error(`step returned NaN for token ${token}`);
      if (logProb === -Infinity) return; // probability 0: never a result
      const worst = best.worstWhenFull;
      if (worst !== undefined && logProb < worst.logProb) return;
      best.offer({ parent, token, logProb });
    };

    const beams = traceAndOffer(
      trie,
      live,
      logProbs,
      { constrained, bos, vocabSize, keep: beamSize },
      offer,
    );

    const ranked = best.sorted();
    const chosen = ranked.slice(0, beamSize);
    const next: Beam[] = [];
    const finishedNow: Finished[] = [];
    for (const c of chosen) {
      const parent = live[c.parent];
      const node = trie.child(parent.node, c.token);
      if (c.token === eos) finishedNow.push({ tokens: parent.tokens, logProb: c.logProb, node });
      else next.push({ tokens: [...parent.tokens, c.token], node, logProb: c.logProb });
    }
    finished.push(...finishedNow);
    trace.push({
      step: t,
      beams,
      chosen,
      pruned: ranked.slice(beamSize),
      finished: finishedNow.map((f) => ({ tokens: f.tokens, logProb: f.logProb })),
    });
    live = next;
    if (lengthPenalty === 0 && cannotBeOvertaken(finished, live, topK)) break;
  }

  const results = finished
    .map((f) => ({
      tokens: f.tokens,
      logProb: f.logProb,
      score: normalisedScore(f.logProb, f.tokens.length + 1, lengthPenalty),
      doc: trie.docOf(f.node),
    }))
    .sort((a, b) => b.score - a.score || compareTokens(a.tokens, b.tokens))
    .slice(0, topK);
  return { results, trace };
}

/** logProb / length^α (Wu et al. 2016 use a smoothed length; the plain power is easier to read). */
/**
 * Describe each live beam for the trace and offer every expansion it may take: the trie's allowed
 * tokens when constrained, else any token but BOS (the decoder's start symbol, never an output).
 */
export function traceAndOffer(
  trie: DecodeConstraint,
  live: readonly Beam[],
  rows: readonly Float32Array[],
  how: { constrained: boolean; bos: number; vocabSize: number; keep: number },
  offer: (parent: number, token: number, logProb: number) => void,
): StepTrace['beams'] {
  const beams: StepTrace['beams'] = [];
  for (let b = 0; b < live.length; b++) {
    const row = rows[b];
    if (row.length !== how.vocabSize) {
      throw new Error(`step returned ${row.length} log-probs; vocabSize is ${how.vocabSize}`);
    }
    const beam = live[b];
    const allowed = trie.allowed(beam.node);
    const small = how.vocabSize <= FULL_TRACE_VOCAB;
    beams.push({
      prefix: beam.tokens,
      logProb: beam.logProb,
      allowed: Array.from(allowed),
      maskedMass: massOutside(row, allowed),
      ...(small ? { logProbs: Array.from(row) } : { top: topTokens(row, allowed, how.keep) }),
    });
    if (how.constrained) {
      for (const token of allowed) offer(b, token, beam.logProb + row[token]);
    } else {
      for (let token = 0; token < how.vocabSize; token++) {
        if (token !== how.bos) offer(b, token, beam.logProb + row[token]);
      }
    }
  }
  return beams;
}

/** The TRACE_TOP_TOKENS most probable tokens of `row` and its `keep` most probable allowed ones, best first. */
export function topTokens(
  row: Float32Array,
  allowed: Int32Array,
  keep: number,
): { token: number; logProb: number }[] {
  const byProb = (a: number, b: number) => row[b] - row[a] || a - b;
  const best = (tokens: number[], n: number) => {
    const heap = new BoundedBest<number>(n, (a, b) => byProb(a, b) < 0);
    for (const t of tokens) heap.offer(t);
    return heap.sorted();
  };
  const all = best(
    Array.from(row, (_, t) => t),
    TRACE_TOP_TOKENS,
  );
  const tokens = [...new Set([...all, ...best(Array.from(allowed), keep)])].sort(byProb);
  return tokens.map((token) => ({ token, logProb: row[token] }));
}

export function normalisedScore(logProb: number, length: number, alpha: number): number {
  return alpha === 0 ? logProb : logProb / Math.pow(length, alpha);
}

/** True when topK sequences have finished and each beats every live beam's logProb. */
export function cannotBeOvertaken(
  finished: readonly { logProb: number }[],
  live: readonly { logProb: number }[],
  topK: number,
): boolean {
  if (live.length === 0) return true;
  if (finished.length < topK) return false;
  const kth = finished.map((f) => f.logProb).sort((a, b) => b - a)[topK - 1];
  return live.every((b) => b.logProb < kth);
}

/** Probability mass of the tokens not in `allowed` (ascending), summed directly for precision. */
export function massOutside(row: Float32Array, allowed: Int32Array): number {
  let mass = 0;
  let a = 0;
  for (let token = 0; token < row.length; token++) {
    if (a < allowed.length && allowed[a] === token) a++;
    else mass += Math.exp(row[token]);
  }
  return Math.min(1, Math.max(0, mass));
}

/** Throws a RangeError (or Error) naming the first bad parameter, token or trie entry. */
export function checkBeamSearchInputs(
  trie: DecodeConstraint,
  params: BeamSearchParams,
  tokens: DecoderTokens,
): void {
  const { bos, eos, vocabSize } = tokens;
  const isCount = (x: number) => Number.isInteger(x) && x >= 1;
  if (!isCount(params.beamSize))
    throw new RangeError(`beamSize must be ≥ 1, got ${params.beamSize}`);
  if (!isCount(params.topK)) throw new RangeError(`topK must be ≥ 1, got ${params.topK}`);
  if (!isCount(params.maxLength))
    throw new RangeError(`maxLength must be ≥ 1, got ${params.maxLength}`);
  if (!(params.lengthPenalty >= 0)) {
    throw new RangeError(`lengthPenalty must be ≥ 0, got ${params.lengthPenalty}`);
  }
  for (const [name, t] of [
    ['bos', bos],
    ['eos', eos],
  ] as const) {
    if (!Number.isInteger(t) || t < 0 || t >= vocabSize) {
      throw new RangeError(`${name} ${t} is outside the vocabulary 0…${vocabSize - 1}`);
    }
  }
  if (bos === eos) throw new RangeError('bos and eos must differ');
  if (trie.eos !== eos) throw new Error(`the trie ends docids with ${trie.eos}, not eos ${eos}`);
  trie.checkTokens(vocabSize, bos);
}
