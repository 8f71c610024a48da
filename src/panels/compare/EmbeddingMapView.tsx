import { useMemo, useRef } from 'react';
import type { Doc } from '../../core/corpus/types';
import type { EmbeddingMap } from '../../worker/engineApi';
import type { MethodName } from '../../store/compareSlice';
import { download, fileSlug } from '../../ui/download';
import { captionedSvg, svgPng, type LegendMark } from '../../ui/svgExport';
import { METHOD_COLOURS } from './compareLists';

const CLUSTER_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
const W = 640;
const H = 420;
const PAD = 16;
/** room for the axis names: PC 2 on the left, PC 1 along the bottom */
const AXIS = 22;

export interface EmbeddingMapViewProps {
  map: EmbeddingMap;
  /** the query on the map's axes */
  query: [number, number] | null;
  /** the query's text (named in an exported map) */
  queryText: string;
  /** document id → readable docid; its first token is the top-level cluster */
  docidOf: Record<string, string> | null;
  /** colour documents by their top-level docid cluster (semantic docids only: others have none) */
  colourByCluster: boolean;
  /** each method's top results */
  tops: Record<MethodName, readonly string[]>;
  docs: ReadonlyMap<string, Doc>;
  /** top terms per cluster prefix, shown on hover */
  clusterTerms?: Record<string, string[]>;
  selected: string | null;
  onSelect(docId: string | null): void;
}

/**
 * Documents on the first two principal axes of their dense embeddings, coloured by the generative
 * model's top-level semantic cluster; the query is a star, each method's top results are ringed.
 */
export function EmbeddingMapView(props: EmbeddingMapViewProps) {
  const { map, query, docidOf, colourByCluster, tops, docs, clusterTerms, selected, onSelect } =
    props;
  const svgRef = useRef<SVGSVGElement>(null);
  const { scaleX, scaleY } = useMemo(() => {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < map.docIds.length; i++) {
      x0 = Math.min(x0, map.points[2 * i]);
      x1 = Math.max(x1, map.points[2 * i]);
      y0 = Math.min(y0, map.points[2 * i + 1]);
      y1 = Math.max(y1, map.points[2 * i + 1]);
    }
    if (query) {
      [x0, x1, y0, y1] = [
        Math.min(x0, query[0]),
        Math.max(x1, query[0]),
        Math.min(y0, query[1]),
        Math.max(y1, query[1]),
      ];
    }
    const sx = (W - 2 * PAD - AXIS) / Math.max(1e-9, x1 - x0);
    const sy = (H - 2 * PAD - AXIS) / Math.max(1e-9, y1 - y0);
    return {
      scaleX: (x: number) => AXIS + PAD + (x - x0) * sx,
      scaleY: (y: number) => H - AXIS - PAD - (y - y0) * sy,
    };
  }, [map, query]);

  const clusterOf = (docId: string) =>
    colourByCluster ? docidOf?.[docId]?.split('-')[0] : undefined;
  const clusters = [...new Set(map.docIds.map(clusterOf).filter((c) => c !== undefined))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const ringRadius: Record<MethodName, number> = { generative: 6.5, dense: 9, bm25: 11.5 };
  const index = new Map(map.docIds.map((id, i) => [id, i]));
  const at = (id: string) => {
    const i = index.get(id);
    return i === undefined
      ? null
      : { x: scaleX(map.points[2 * i]), y: scaleY(map.points[2 * i + 1]) };
  };
  const sel = selected ? at(selected) : null;
  const variance = (100 * (map.explained[0] + (map.explained[1] ?? 0))).toFixed(0);
  const axisShare = (axis: number) => `${(100 * (map.explained[axis] ?? 0)).toFixed(1)} %`;
  const methodName = (m: MethodName) => (m === 'bm25' ? 'BM25' : m);

  /** The map as a file: what it projects, the query, and a legend of every mark. */
  const exported = () => {
    const caption = [
      `Map of ${map.docIds.length} documents: their dense embeddings on the first two principal axes (PCA), which keep ${variance} % of the variance`,
      ...(query ? [`Query: ${props.queryText}`] : []),
    ];
    const legend: LegendMark[] = [
      ...(query ? [{ label: 'query', color: '#1d2330', mark: 'star' as const }] : []),
      ...(Object.keys(ringRadius) as MethodName[]).map((m) => ({
        label: `${methodName(m)} top 10`,
        color: METHOD_COLOURS[m],
        mark: 'ring' as const,
      })),
      ...(clusters.length === 0
        ? [{ label: 'document', color: '#9aa3b2', mark: 'dot' as const }]
        : clusters.map((c) => ({
            label: `cluster ${c}${clusterTerms?.[c!] ? `: ${clusterTerms[c!].slice(0, 3).join(', ')}` : ''}`,
            color: CLUSTER_COLOURS[Number(c) % CLUSTER_COLOURS.length],
            mark: 'dot' as const,
          }))),
    ];
    return captionedSvg(svgRef.current!, caption, legend);
  };
  const name = `embedding-map-${fileSlug(query ? props.queryText : 'corpus', 40, 'corpus')}`;

  return (
    <figure className="embedding-map">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={`Map of ${map.docIds.length} document embeddings (PCA, ${variance}% of the variance)${query ? ' with the query' : ''}`}
        fontFamily="system-ui, sans-serif"
        fontSize={11}
      >
        <rect width={W} height={H} fill="#ffffff" />
        <g data-testid="map-axes" fill="#5b6475" stroke="#5b6475">
          <line x1={AXIS} y1={H - AXIS} x2={W - 4} y2={H - AXIS} strokeWidth={1} />
          <line x1={AXIS} y1={4} x2={AXIS} y2={H - AXIS} strokeWidth={1} />
          <text x={(W + AXIS) / 2} y={H - 6} textAnchor="middle" stroke="none">
            {`PC 1 (${axisShare(0)} of the variance)`}
          </text>
          <text
            transform={`translate(14,${(H - AXIS) / 2}) rotate(-90)`}
            textAnchor="middle"
            stroke="none"
          >
            {`PC 2 (${axisShare(1)} of the variance)`}
          </text>
        </g>
        {map.docIds.map((id, i) => {
          const c = clusterOf(id);
          return (
            <circle
              key={id}
              cx={scaleX(map.points[2 * i])}
              cy={scaleY(map.points[2 * i + 1])}
              r={4}
              fill={
                c === undefined ? '#9aa3b2' : CLUSTER_COLOURS[Number(c) % CLUSTER_COLOURS.length]
              }
              opacity={0.8}
              onClick={() => onSelect(selected === id ? null : id)}
              style={{ cursor: 'pointer' }}
            >
              <title>{`${docs.get(id)?.title || id}${docidOf?.[id] ? ` · docid ${docidOf[id]}` : ''}`}</title>
            </circle>
          );
        })}
        {(Object.keys(tops) as MethodName[]).map((m) =>
          tops[m].map((id) => {
            const p = at(id);
            return p ? (
              <circle
                key={`${m}-${id}`}
                data-method={m}
                cx={p.x}
                cy={p.y}
                r={ringRadius[m]}
                fill="none"
                stroke={METHOD_COLOURS[m]}
                strokeWidth={1.6}
                pointerEvents="none"
              />
            ) : null;
          }),
        )}
        {sel && (
          <g pointerEvents="none" data-testid="map-selected">
            <circle cx={sel.x} cy={sel.y} r={15} fill="none" stroke="#1d2330" strokeWidth={2.5} />
            <text x={sel.x + 18} y={sel.y + 4} fill="#1d2330" fontWeight={700}>
              {(docs.get(selected!)?.title || selected!).slice(0, 40)}
            </text>
          </g>
        )}
        {query && (
          <g pointerEvents="none" data-testid="map-query">
            <path
              d="M0,-11 L3,-3 L11,-3 L4.5,2 L7,10 L0,5 L-7,10 L-4.5,2 L-11,-3 L-3,-3 Z"
              transform={`translate(${scaleX(query[0])},${scaleY(query[1])})`}
              fill="#1d2330"
              stroke="#ffffff"
              strokeWidth={1.5}
            />
          </g>
        )}
      </svg>
      <figcaption>
        <p className="map-caption" data-testid="map-caption">
          Each dot is one of the {map.docIds.length} documents, placed by the dense model&apos;s
          embedding of it, projected onto the embeddings&apos; first two principal components (PCA):{' '}
          <strong>PC 1</strong> across, <strong>PC 2</strong> up. Together they keep {variance} % of
          the embeddings&apos; variance, so documents close together here may be far apart in the
          full embedding space, and the other way round.
        </p>
        <ul className="legend" aria-label="Map legend">
          <li className="legend-query">query</li>
          {(Object.keys(ringRadius) as MethodName[]).map((m) => (
            <li
              key={m}
              className="legend-ring"
              style={{ '--swatch': METHOD_COLOURS[m] } as React.CSSProperties}
            >
              {methodName(m)} top 10
            </li>
          ))}
          {clusters.length === 0 && (
            <li className="legend-clusters">
              grey dots: documents (with semantic docids, colours show their clusters)
            </li>
          )}
          {clusters.length > 0 && (
            <li className="legend-clusters">
              colour = the first token of the document&apos;s semantic docid: documents that share
              it were clustered together{' '}
              {clusters.map((c) => (
                <span
                  key={c}
                  className="cluster-chip"
                  title={clusterTerms?.[c!]?.join(', ')}
                  style={{ background: CLUSTER_COLOURS[Number(c) % CLUSTER_COLOURS.length] }}
                >
                  {c}
                </span>
              ))}
            </li>
          )}
        </ul>
        <div className="row">
          <button
            type="button"
            onClick={() =>
              download(new Blob([exported()], { type: 'image/svg+xml' }), `${name}.svg`)
            }
          >
            Map (SVG)
          </button>
          <button
            type="button"
            onClick={() => void svgPng(exported()).then((png) => download(png, `${name}.png`))}
          >
            Map (PNG)
          </button>
        </div>
      </figcaption>
    </figure>
  );
}
