import { forwardRef, memo } from 'react';
import type { SearchTreeNode } from '../../core/decode/searchTree';
import { docidToString, formatDocid, type DocidVocab } from '../../core/docids/types';
import { useAppStore } from '../../store/appStore';
import { selectDocidVocab } from '../../store/modelSlice';
import { groupColour, tokenLabel } from './groupColours';
import type { PlacedNode, TreeLayout } from './treeLayout';

export interface BeamTreeProps {
  layout: TreeLayout;
  /** decoding steps shown: nodes made at steps < `step` */
  step: number;
  selected: string | null;
  /** groups in the search (>1: diverse beam search, nodes coloured by group) */
  groups: number;
  /** readable docid → document title, for ended sequences that are documents */
  titleOf: (docid: string) => string | undefined;
  /** top terms of a semantic-docid cluster prefix ("3-1"), if known */
  clusterTerms: (prefix: string) => string[] | undefined;
  onSelect(id: string): void;
  onTogglePruned(id: string): void;
  /** nodes whose pruned alternatives are shown; null when all are */
  opened: ReadonlySet<string> | null;
  label: string;
}

const fmtP = (p: number) => (p >= 0.995 ? '1.00' : p.toFixed(2).replace(/^0/, ''));

function nodeColour(n: SearchTreeNode, groups: number): string {
  if (n.status === 'root') return '#1d2330';
  if (n.status === 'pruned') return '#9aa3b2';
  return groupColour(groups > 1 ? n.groups[0] : 0);
}

/** Labels longer than this go beside the node instead of inside its circle. */
const IN_CIRCLE = 3;

function hoverText(
  n: SearchTreeNode,
  vocab: DocidVocab,
  title: string | undefined,
  terms: string[] | undefined,
) {
  const docid = formatDocid(n.tokens, vocab);
  const lines = [
    n.status === 'root'
      ? 'start of the docid'
      : `${n.status === 'finished' ? 'docid' : 'prefix'} ${docid}`,
  ];
  if (n.status !== 'root') {
    lines.push(`p(step) ${n.stepProb.toFixed(3)}, cumulative log-prob ${n.logProb.toFixed(3)}`);
  }
  if (n.status === 'pruned') lines.push(`fell out of the beam at step ${n.step + 1}`);
  if (n.groups.length > 1 || n.groups[0] > 0)
    lines.push(`groups ${n.groups.map((g) => g + 1).join(', ')}`);
  if (title) lines.push(`document: ${title}`);
  if (terms?.length) lines.push(`cluster terms: ${terms.join(', ')}`);
  return lines.join('\n');
}

/** One edge: a horizontal S-curve from parent to child. */
function Link({
  source,
  target,
  faded,
  strong,
}: {
  source: PlacedNode;
  target: PlacedNode;
  faded: boolean;
  strong: boolean;
}) {
  const mx = (source.x + target.x) / 2;
  return (
    <path
      d={`M${source.x},${source.y} C${mx},${source.y} ${mx},${target.y} ${target.x},${target.y}`}
      fill="none"
      stroke={faded ? '#b8bfcc' : strong ? '#3454d1' : '#7d8799'}
      strokeWidth={strong ? 3 : faded ? 1 : 1.6}
      strokeDasharray={faded ? '4 3' : undefined}
      opacity={faded ? 0.7 : 1}
    />
  );
}

/**
 * The beam search as an SVG tree: root = start of the docid, one column per decoding step. Kept
 * prefixes are solid, pruned ones grey and dashed, ended docids are leaves; the path to each
 * returned result is drawn thick. Drawn with presentation attributes only, so the exported SVG
 * looks the same outside the page.
 */
export const BeamTree = memo(
  forwardRef<SVGSVGElement, BeamTreeProps>(function BeamTree(props, ref) {
    const { layout, step, selected, groups, titleOf, clusterTerms, onSelect, onTogglePruned } =
      props;
    const { opened, label } = props;
    const vocab = useAppStore(selectDocidVocab);
    const visible = (n: SearchTreeNode) => n.step < step;
    return (
      <svg
        ref={ref}
        xmlns="http://www.w3.org/2000/svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={label}
        fontFamily="system-ui, sans-serif"
        fontSize={12}
      >
        <rect width={layout.width} height={layout.height} fill="#ffffff" />
        {layout.links.map(({ source, target }) =>
          visible(target.node) ? (
            <Link
              key={target.node.id}
              source={source}
              target={target}
              faded={target.node.status === 'pruned'}
              strong={target.node.onResultPath}
            />
          ) : null,
        )}
        {layout.nodes.map((p) => {
          const n = p.node;
          if (!visible(n)) return null;
          const key = docidToString(n.tokens);
          const docid = formatDocid(n.tokens, vocab);
          const token = n.status === 'root' ? '' : tokenLabel(n.token, vocab);
          const title = n.status === 'finished' ? titleOf(key) : undefined;
          const terms = n.status === 'kept' ? clusterTerms(key) : undefined;
          const colour = nodeColour(n, groups);
          const isSelected = selected === n.id;
          const ended = n.status === 'finished';
          // the frontier: prefixes the model expands at the shown step
          const frontier = n.status !== 'pruned' && !ended && n.step === step - 1;
          const name =
            n.status === 'root'
              ? 'start of the docid'
              : ended
                ? `${n.resultRank !== undefined ? `result ${n.resultRank + 1}: ` : ''}docid ${docid}${title ? `, ${title}` : title === undefined ? ', not a document' : ''}`
                : `${n.status === 'pruned' ? 'pruned ' : ''}prefix ${docid}`;
          return (
            <g
              key={n.id}
              transform={`translate(${p.x},${p.y})`}
              data-status={n.status}
              data-group={
                groups > 1 && n.status !== 'pruned' && n.status !== 'root' ? n.groups[0] : undefined
              }
              data-docid={ended ? docid : undefined}
              data-rank={n.resultRank !== undefined ? n.resultRank + 1 : undefined}
              opacity={n.status === 'pruned' ? 0.6 : 1}
            >
              <title>{hoverText(n, vocab, title, terms)}</title>
              <a
                href="#inspect"
                role="button"
                aria-label={name}
                aria-pressed={isSelected}
                onClick={(e) => {
                  e.preventDefault();
                  onSelect(n.id);
                }}
              >
                {ended ? (
                  <rect
                    x={-11}
                    y={-11}
                    width={22}
                    height={22}
                    rx={4}
                    fill={colour}
                    stroke={isSelected ? '#1d2330' : 'none'}
                    strokeWidth={3}
                  />
                ) : (
                  <circle
                    r={n.status === 'root' ? 10 : 12}
                    fill={n.status === 'pruned' ? '#ffffff' : colour}
                    stroke={isSelected ? '#1d2330' : frontier ? '#f0b400' : colour}
                    strokeWidth={isSelected || frontier ? 3.5 : 1.5}
                  />
                )}
                <text
                  textAnchor="middle"
                  dy="0.35em"
                  fill={n.status === 'pruned' ? '#5b6475' : '#ffffff'}
                  fontWeight={700}
                  fontSize={ended ? 9 : 12}
                >
                  {token.length <= IN_CIRCLE ? token : ''}
                </text>
              </a>
              {n.status !== 'root' && (
                <text x={18} dy="-0.25em" fill="#1d2330">
                  {ended ? (
                    <tspan fontWeight={700}>
                      {n.resultRank !== undefined ? `#${n.resultRank + 1} ` : ''}
                      {docid}
                    </tspan>
                  ) : (
                    <tspan fill="#5b6475">
                      {token.length > IN_CIRCLE && <tspan fill="#1d2330">{token} </tspan>}p{' '}
                      {fmtP(n.stepProb)}
                    </tspan>
                  )}
                  <tspan x={18} dy="1.15em" fill="#5b6475" fontSize={11}>
                    {ended && title
                      ? `${title.slice(0, 26)}${title.length > 26 ? '…' : ''}`
                      : `Σ ${n.logProb.toFixed(2)}`}
                  </tspan>
                </text>
              )}
              {p.prunedChildren > 0 && opened && n.step < step - 1 && (
                <a
                  href="#inspect"
                  role="button"
                  aria-label={`${opened.has(n.id) ? 'hide' : 'show'} ${p.prunedChildren} pruned alternatives after ${docid || 'the start'}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onTogglePruned(n.id);
                  }}
                >
                  <text x={-14} y={22} fill="#5b6475" fontSize={10} textAnchor="middle">
                    {opened.has(n.id) ? '−' : '+'}
                    {p.prunedChildren}
                  </text>
                </a>
              )}
            </g>
          );
        })}
      </svg>
    );
  }),
);
