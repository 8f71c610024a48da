import { forwardRef, memo } from 'react';
import type { SearchTreeNode } from '../../core/decode/searchTree';
import { docidToString, formatDocid, type DocidVocab } from '../../core/docids/types';
import { useAppStore } from '../../store/appStore';
import { selectDocidVocab } from '../../store/modelSlice';
import { groupColour } from './groupColours';
import { formatLogProb, formatPercent } from './probFormat';
import type { PlacedNode, TreeLayout } from './treeLayout';
import {
  CIRCLE,
  halfWidth,
  LABEL_SIZE,
  LABEL_X,
  textWidth,
  topLine,
  type LabelledTree,
} from './treeLabels';

export interface BeamTreeProps {
  layout: TreeLayout;
  /** its labels, the width they need and where each column's edges curve */
  labelled: LabelledTree;
  /** drawn at this scale of the layout (the zoom); exports keep the layout's own size */
  scale: number;
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

const INK = '#1d2330';
const MUTED = '#5b6475';
/** A white outline under label text: it stays readable wherever a line passes behind it. */
const HALO = {
  stroke: '#ffffff',
  strokeWidth: 4,
  strokeLinejoin: 'round',
  paintOrder: 'stroke',
} as const;

function nodeColour(n: SearchTreeNode, groups: number): string {
  if (n.status === 'root') return INK;
  if (n.status === 'pruned') return '#9aa3b2';
  return groupColour(groups > 1 ? n.groups[0] : 0);
}

function hoverText(
  n: SearchTreeNode,
  vocab: DocidVocab,
  title: string | undefined,
  terms: string[] | undefined,
) {
  const docid = formatDocid(n.tokens, vocab);
  const lines = [
    n.status === 'root'
      ? 'start: the empty docid the search begins from'
      : `${n.status === 'finished' ? 'end: complete docid' : 'prefix'} ${docid}`,
  ];
  if (n.status !== 'root') {
    lines.push(
      `probability of this token after the prefix before it: ${formatPercent(n.stepProb, 1)}`,
      `cumulative log-probability (log p): ${formatLogProb(n.logProb)}`,
    );
  }
  if (n.status === 'pruned') lines.push(`fell out of the beam at step ${n.step + 1}`);
  if (n.groups.length > 1 || n.groups[0] > 0)
    lines.push(`groups ${n.groups.map((g) => g + 1).join(', ')}`);
  if (title) lines.push(`document: ${title}`);
  if (terms?.length) lines.push(`cluster terms: ${terms.join(', ')}`);
  return lines.join('\n');
}

/**
 * One edge: straight out of the parent (between its two label lines) to the column's curve start,
 * then an S-curve into the child; so curves only cross the empty band between label columns.
 */
function Link({
  source,
  target,
  curveFrom,
  faded,
  strong,
}: {
  source: PlacedNode;
  target: PlacedNode;
  curveFrom: number;
  faded: boolean;
  strong: boolean;
}) {
  const x0 = source.x + halfWidth(source.node);
  const x1 = target.x - halfWidth(target.node);
  const mx = (curveFrom + x1) / 2;
  return (
    <path
      d={`M${x0},${source.y} H${curveFrom} C${mx},${source.y} ${mx},${target.y} ${x1},${target.y}`}
      fill="none"
      stroke={faded ? '#b8bfcc' : strong ? '#3454d1' : '#7d8799'}
      strokeWidth={strong ? 3 : faded ? 1 : 1.6}
      strokeDasharray={faded ? '4 3' : undefined}
      opacity={faded ? 0.7 : 1}
    />
  );
}

/**
 * The beam search as an SVG tree: "start" (the empty docid) at the left, one column per decoding
 * step. Kept prefixes are solid, pruned ones grey and dashed, ended docids are "end" leaves; the
 * path to each returned result is drawn thick. Drawn with presentation attributes only, so the
 * exported SVG looks the same outside the page.
 */
export const BeamTree = memo(
  forwardRef<SVGSVGElement, BeamTreeProps>(function BeamTree(props, ref) {
    const { layout, step, selected, groups, titleOf, clusterTerms, onSelect, onTogglePruned } =
      props;
    const { opened, label, scale, labelled } = props;
    const vocab = useAppStore(selectDocidVocab);
    const visible = (n: SearchTreeNode) => n.step < step;

    const { labels, width, curveFrom } = labelled;
    return (
      <svg
        ref={ref}
        xmlns="http://www.w3.org/2000/svg"
        width={Math.floor(width * scale)}
        height={Math.floor(layout.height * scale)}
        viewBox={`0 0 ${width} ${layout.height}`}
        role="group"
        aria-label={label}
        fontFamily="system-ui, sans-serif"
        fontSize={LABEL_SIZE}
      >
        <rect width={width} height={layout.height} fill="#ffffff" />
        {layout.links.map(({ source, target }) =>
          visible(target.node) ? (
            <Link
              key={target.node.id}
              source={source}
              target={target}
              curveFrom={curveFrom.get(source.x)!}
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
          const title = n.status === 'finished' ? titleOf(key) : undefined;
          const terms = n.status === 'kept' ? clusterTerms(key) : undefined;
          const text = labels.get(n.id)!;
          const colour = nodeColour(n, groups);
          const isSelected = selected === n.id;
          const ended = n.status === 'finished';
          const pill = ended || n.status === 'root';
          // the frontier: prefixes the model expands at the shown step
          const frontier = n.status !== 'pruned' && !ended && n.step === step - 1;
          const name =
            n.status === 'root'
              ? 'start of the docid'
              : ended
                ? `${n.resultRank !== undefined ? `result ${n.resultRank + 1}: ` : ''}docid ${docid}${title ? `, ${title}` : title === undefined ? ', not a document' : ''}`
                : `${n.status === 'pruned' ? 'pruned ' : ''}prefix ${docid}`;
          const badge =
            p.prunedChildren > 0 && opened && n.step < step - 1
              ? `${opened.has(n.id) ? '−' : '+'}${p.prunedChildren}`
              : '';
          return (
            <g
              key={n.id}
              transform={`translate(${p.x},${p.y})`}
              data-status={n.status}
              data-group={
                groups > 1 && n.status !== 'pruned' && n.status !== 'root'
                  ? n.groups[0] + 1
                  : undefined
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
                {pill ? (
                  <rect
                    x={-halfWidth(n)}
                    y={-11}
                    width={2 * halfWidth(n)}
                    height={22}
                    rx={ended ? 4 : 11}
                    fill={colour}
                    stroke={isSelected ? INK : frontier ? '#f0b400' : 'none'}
                    strokeWidth={3.5}
                    paintOrder="stroke"
                  />
                ) : (
                  <circle
                    r={CIRCLE}
                    fill={n.status === 'pruned' ? '#ffffff' : colour}
                    stroke={isSelected ? INK : frontier ? '#f0b400' : colour}
                    strokeWidth={isSelected || frontier ? 3.5 : 1.5}
                  />
                )}
                <text
                  textAnchor="middle"
                  dy="0.35em"
                  fill={n.status === 'pruned' ? MUTED : '#ffffff'}
                  fontWeight={700}
                >
                  {text.inside}
                </text>
              </a>
              {n.status !== 'root' && (
                <text x={LABEL_X} {...HALO}>
                  <tspan y={-5}>
                    {text.head && (
                      <tspan fill={INK} fontWeight={ended ? 700 : 400}>
                        {text.head}{' '}
                      </tspan>
                    )}
                    <tspan fill={MUTED}>{text.rest}</tspan>
                  </tspan>
                  {text.bottom && (
                    <tspan x={LABEL_X} y={14} fill={MUTED}>
                      {text.bottom}
                    </tspan>
                  )}
                </text>
              )}
              {badge && (
                <a
                  href="#inspect"
                  role="button"
                  aria-label={`${opened!.has(n.id) ? 'hide' : 'show'} ${p.prunedChildren} pruned alternatives after ${docid || 'the start'}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onTogglePruned(n.id);
                  }}
                >
                  <text
                    x={Math.max(LABEL_X + textWidth(topLine(text)) + 6, halfWidth(n) + 4)}
                    y={-5}
                    fill="#3454d1"
                    fontWeight={700}
                    data-testid="pruned-badge"
                    {...HALO}
                  >
                    {badge}
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
