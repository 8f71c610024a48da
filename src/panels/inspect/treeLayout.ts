import { stratify, tree } from 'd3-hierarchy';
import { ROOT_ID, type SearchTree, type SearchTreeNode } from '../../core/decode/searchTree';

/** A node placed on the page: x grows with depth (left to right), y runs down the siblings. */
export interface PlacedNode {
  node: SearchTreeNode;
  x: number;
  y: number;
  /** pruned expansions of this node (shown when it is opened, or when all pruned ones are) */
  prunedChildren: number;
}

export interface TreeLayout {
  nodes: PlacedNode[];
  links: { source: PlacedNode; target: PlacedNode }[];
  width: number;
  height: number;
  /** offset that puts the topmost node at the top margin */
  top: number;
}

/**
 * Space between depths (px): a node's two-line label (≈ 100 px at 12 px) and room for its edges
 * to curve; and between sibling rows (px): two 12 px label lines with the edges between them.
 */
export const LEVEL_GAP = 160;
export const ROW_GAP = 36;
/** left: the "start" pill; right: room for the leaves' labels (the labelled tree measures them) */
const MARGIN = { left: 30, right: 240, top: 24, bottom: 24 };

/**
 * Lay the search tree out left to right with d3-hierarchy's tidy tree (Reingold–Tilford). The
 * layout covers every step, so stepping only reveals nodes and nothing moves. Pruned nodes are
 * placed only where their parent is opened (or `showPruned` opens them all).
 */
export function layoutSearchTree(
  search: SearchTree,
  opened: ReadonlySet<string>,
  showPruned: boolean,
): TreeLayout {
  const included: SearchTreeNode[] = [];
  const pruned = new Map<string, number>();
  for (const n of search.nodes.values()) {
    if (n.status === 'pruned') pruned.set(n.parent!, (pruned.get(n.parent!) ?? 0) + 1);
    if (n.status !== 'pruned' || showPruned || opened.has(n.parent!)) included.push(n);
  }
  // stratify reads an empty parent id as "no parent", and the root's id is "": prefix them all
  const root = stratify<SearchTreeNode>()
    .id((n) => `#${n.id}`)
    .parentId((n) => (n.parent === null ? null : `#${n.parent}`))(included);
  // best first: siblings by cumulative log-prob, kept before pruned
  root.sort(
    (a, b) =>
      Number(a.data.status === 'pruned') - Number(b.data.status === 'pruned') ||
      b.data.logProb - a.data.logProb ||
      a.data.id.localeCompare(b.data.id),
  );
  // every row is a label band already: cousins get only a quarter row more than siblings
  // (d3's default of two rows doubles the height of a fitted tree for nothing)
  const laid = tree<SearchTreeNode>()
    .nodeSize([ROW_GAP, LEVEL_GAP])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);

  let minY = Infinity;
  let maxY = -Infinity;
  let maxDepth = 0;
  laid.each((d) => {
    minY = Math.min(minY, d.x);
    maxY = Math.max(maxY, d.x);
    maxDepth = Math.max(maxDepth, d.depth);
  });
  const placed = new Map<string, PlacedNode>();
  const nodes: PlacedNode[] = [];
  laid.each((d) => {
    const p: PlacedNode = {
      node: d.data,
      x: MARGIN.left + d.y,
      y: MARGIN.top + d.x - minY,
      prunedChildren: pruned.get(d.data.id) ?? 0,
    };
    placed.set(d.data.id, p);
    nodes.push(p);
  });
  const links = nodes
    .filter((p) => p.node.id !== ROOT_ID)
    .map((p) => ({ source: placed.get(p.node.parent!)!, target: p }));
  return {
    nodes,
    links,
    width: MARGIN.left + maxDepth * LEVEL_GAP + MARGIN.right,
    height: MARGIN.top + (maxY - minY) + MARGIN.bottom,
    top: MARGIN.top,
  };
}
