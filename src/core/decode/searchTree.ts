import { docidToString } from '../docids/types';
import type { StepTrace } from './beamSearch';

/** A trace entry of plain (group absent) or diverse beam search. */
export type TraceEntry = StepTrace & { group?: number; diversityPenalty?: number[] };

export type SearchNodeStatus = 'root' | 'kept' | 'pruned' | 'finished';

/** One prefix of the search, as the inspector draws it. */
export interface SearchTreeNode {
  /** "" for the root, docidToString(prefix) for prefixes, that + "|eos" for ended sequences */
  id: string;
  parent: string | null;
  /** the prefix (for an ended sequence: its docid, without EOS) */
  tokens: number[];
  /** the token this node adds to its parent's prefix (EOS for ended ones); null at the root */
  token: number | null;
  /** the decoding step that produced it; −1 for the root */
  step: number;
  /** cumulative log-probability of the prefix under the model */
  logProb: number;
  /** probability of this step's token given the parent prefix */
  stepProb: number;
  /** kept in the beam, fell out of it, or ended with EOS (kept) */
  status: SearchNodeStatus;
  /** groups that kept it (diverse beam search); for pruned nodes the groups that considered it */
  groups: number[];
  /** rank (0-based) among the returned results, for ended sequences that were returned */
  resultRank: number | undefined;
  /** true when a returned result descends from this node (the path to an answer) */
  onResultPath: boolean;
}

export interface SearchTree {
  nodes: Map<string, SearchTreeNode>;
  /** decoding steps in the trace (the step slider runs 0…steps) */
  steps: number;
  /** groups seen (1 for plain beam search) */
  groups: number;
}

export const ROOT_ID = '';

const prefixId = (tokens: readonly number[]) => docidToString(tokens);
const endedId = (tokens: readonly number[]) => `${docidToString(tokens)}|eos`;

/**
 * The search as a tree of prefixes: every expansion kept by the beam, every one that ended with
 * EOS, and the best ones that were pruned. A prefix kept by one group and pruned by another counts
 * as kept. `results` (the returned docids, best first) mark the paths that led to an answer.
 */
export function buildSearchTree(
  trace: readonly TraceEntry[],
  results: readonly { tokens: readonly number[] }[],
  eos: number,
): SearchTree {
  const nodes = new Map<string, SearchTreeNode>();
  nodes.set(ROOT_ID, {
    id: ROOT_ID,
    parent: null,
    tokens: [],
    token: null,
    step: -1,
    logProb: 0,
    stepProb: 1,
    status: 'root',
    groups: [],
    resultRank: undefined,
    onResultPath: results.length > 0,
  });
  let steps = 0;
  let groups = 1;
  const add = (
    entry: TraceEntry,
    c: { parent: number; token: number; logProb: number },
    kept: boolean,
  ) => {
    const beam = entry.beams[c.parent];
    const ended = c.token === eos;
    const tokens = ended ? beam.prefix : [...beam.prefix, c.token];
    const id = ended ? endedId(tokens) : prefixId(tokens);
    const group = entry.group ?? 0;
    const status: SearchNodeStatus = kept ? (ended ? 'finished' : 'kept') : 'pruned';
    const seen = nodes.get(id);
    if (seen) {
      if (!seen.groups.includes(group)) seen.groups.push(group);
      if (kept && seen.status === 'pruned') seen.status = status;
      return;
    }
    nodes.set(id, {
      id,
      parent: prefixId(beam.prefix),
      tokens,
      token: c.token,
      step: entry.step,
      logProb: c.logProb,
      stepProb: Math.exp(c.logProb - beam.logProb),
      status,
      groups: [group],
      resultRank: undefined,
      onResultPath: false,
    });
  };
  for (const entry of trace) {
    steps = Math.max(steps, entry.step + 1);
    groups = Math.max(groups, (entry.group ?? 0) + 1);
    for (const c of entry.chosen) add(entry, c, true);
  }
  for (const entry of trace) for (const c of entry.pruned) add(entry, c, false);

  results.forEach((r, rank) => {
    // SEAL: a document's n-gram may be a prefix that never ended, and documents may share one
    const leaf = nodes.get(endedId(r.tokens)) ?? nodes.get(prefixId(r.tokens));
    if (!leaf || leaf.resultRank !== undefined) return;
    leaf.resultRank = rank;
    for (let n: SearchTreeNode | undefined = leaf; n; n = nodes.get(n.parent ?? '\0')) {
      n.onResultPath = true;
      if (n.parent === null) break;
    }
  });
  return { nodes, steps, groups };
}

/** The live beams fed to the model at `step`, across groups, in batch order. */
export function beamsAtStep(
  trace: readonly TraceEntry[],
  step: number,
): (TraceEntry['beams'][number] & { group: number })[] {
  return trace
    .filter((e) => e.step === step)
    .flatMap((e) => e.beams.map((b) => ({ ...b, group: e.group ?? 0 })));
}

/** The trace's record of `prefix` as a live beam (its next-token distribution), if it was one. */
export function beamOfPrefix(
  trace: readonly TraceEntry[],
  prefix: readonly number[],
):
  | (TraceEntry['beams'][number] & { group: number; step: number; diversityPenalty?: number[] })
  | undefined {
  const key = prefixId(prefix);
  for (const e of trace) {
    if (e.step !== prefix.length) continue;
    const beam = e.beams.find((b) => prefixId(b.prefix) === key);
    if (beam)
      return { ...beam, group: e.group ?? 0, step: e.step, diversityPenalty: e.diversityPenalty };
  }
  return undefined;
}

/** How many different first tokens (top-level clusters, for semantic docids) the results cover. */
export function distinctTopClusters(results: readonly { tokens: readonly number[] }[]): number {
  return new Set(results.filter((r) => r.tokens.length > 0).map((r) => r.tokens[0])).size;
}
