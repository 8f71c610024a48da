import type { SearchTreeNode } from '../../core/decode/searchTree';
import { docidToString, formatDocid, type DocidVocab } from '../../core/docids/types';
import { tokenLabel } from './groupColours';
import { formatLogProb, formatPercent } from './probFormat';
import { LEVEL_GAP, type TreeLayout } from './treeLayout';

/** The tree's label size (px): readable on a projector, and never smaller. */
export const LABEL_SIZE = 12;
/** Where labels start, right of the node's centre (px). */
export const LABEL_X = 18;
/** A token label this short is written inside its node's circle. */
export const IN_CIRCLE = 3;

/** Half-widths of the marks (px): the "start" pill (root), prefix circles, the "end" pill (leaves). */
export const ROOT_HALF = 22;
export const CIRCLE = 12;
export const END_HALF = 17;
/** Edges leave a column right of its widest label, but keep at least this much room to curve. */
const CURVE_ROOM = 30;
/** Space right of the longest leaf label (px). */
const RIGHT_PAD = 12;

export const halfWidth = (n: SearchTreeNode) =>
  n.status === 'root' ? ROOT_HALF : n.status === 'finished' ? END_HALF : CIRCLE;

/** What a node says: inside its mark, and on two lines beside it (the edges run between them). */
export interface NodeLabel {
  /** inside the mark: a short token, "start" (the root) or "end" (an ended docid) */
  inside: string;
  /** the top line's first, dark part: a long token, or a leaf's rank and docid */
  head: string;
  /** the top line's muted rest: the token's probability, or a leaf's log p */
  rest: string;
  /** the bottom line: the prefix's cumulative log p, or a leaf's document title */
  bottom: string;
}

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** About how wide `text` is at `size` px in the page's sans-serif (digits ≈ 0.55 em). */
export const textWidth = (text: string, size = LABEL_SIZE) => text.length * size * 0.58;

/** The top line as drawn. */
export const topLine = (l: NodeLabel) => [l.head, l.rest].filter(Boolean).join(' ');

/**
 * A node's label: the root is "start"; a prefix shows its token's probability given the prefix
 * before it ("42 %") and the prefix's cumulative log-probability ("log p −0.31"); an ended docid
 * shows "end", its rank among the results ("#1"), the docid, its log p and its document's title.
 */
export function nodeLabel(
  n: SearchTreeNode,
  vocab: DocidVocab,
  title: string | undefined,
  /** SEAL: how often the node's n-gram occurs in the corpus ("×12" on its label) */
  count?: number,
): NodeLabel {
  const logP = `log p ${formatLogProb(n.logProb)}`;
  const times = count === undefined ? '' : `×${count.toLocaleString('en')}`;
  if (n.status === 'root') return { inside: 'start', head: '', rest: '', bottom: '' };
  if (n.status === 'finished') {
    const rank = n.resultRank !== undefined ? `#${n.resultRank + 1} ` : '';
    return {
      inside: 'end',
      head: `${rank}${cut(formatDocid(n.tokens, vocab), 24)}`,
      rest: logP,
      bottom: [times, title ? cut(title, 28) : ''].filter(Boolean).join(' · '),
    };
  }
  const token = tokenLabel(n.token, vocab);
  const inCircle = token.length <= IN_CIRCLE;
  return {
    inside: inCircle ? token : '',
    head: inCircle ? '' : cut(token, 8),
    rest: formatPercent(n.stepProb),
    bottom: times ? `${logP} · ${times}` : logP,
  };
}

/** How far right of the node's centre its label reaches, with room for a "+n" badge. */
export function labelReach(l: NodeLabel, badge: string): number {
  const top = textWidth(topLine(l)) + (badge ? 6 + textWidth(badge) : 0);
  return LABEL_X + Math.max(top, textWidth(l.bottom));
}

/** The "+n" badge a node may show (its widest form), or "". */
export const badgeText = (prunedChildren: number) =>
  prunedChildren > 0 ? `+${prunedChildren}` : '';

/** A laid-out tree with its labels: how wide it is with them, and where each column's edges curve. */
export interface LabelledTree {
  labels: Map<string, NodeLabel>;
  /** the layout's width, cut or grown to end just after the longest label */
  width: number;
  /** per column (a node's x): the x where edges out of that column start to curve */
  curveFrom: Map<number, number>;
}

/**
 * Labels every node of `layout`, and measures them: each column's edges run straight between
 * its parents' two label lines and curve only right of the widest one (so no curve crosses a
 * label); the drawing ends just after the longest label. Uses the whole layout, every step, so
 * nothing moves while stepping.
 */
export function labelTree(
  layout: TreeLayout,
  vocab: DocidVocab,
  titleOf: (docid: string) => string | undefined,
  /** SEAL: a node's corpus count by its docid key */
  countOf?: (docid: string) => number | undefined,
): LabelledTree {
  const labels = new Map<string, NodeLabel>();
  const curveFrom = new Map<number, number>();
  let right = 0;
  for (const p of layout.nodes) {
    const n = p.node;
    const key = docidToString(n.tokens);
    const title = n.status === 'finished' ? titleOf(key) : undefined;
    const label = nodeLabel(n, vocab, title, n.status === 'root' ? undefined : countOf?.(key));
    labels.set(n.id, label);
    const reach = Math.max(halfWidth(n), labelReach(label, badgeText(p.prunedChildren)));
    right = Math.max(right, p.x + reach);
    // leaves have no edges out: their labels run into the right margin
    if (n.status === 'finished') continue;
    const from = p.x + Math.min(LEVEL_GAP - CURVE_ROOM, reach + 6);
    curveFrom.set(p.x, Math.max(curveFrom.get(p.x) ?? 0, from));
  }
  return { labels, width: Math.ceil(right + RIGHT_PAD), curveFrom };
}
