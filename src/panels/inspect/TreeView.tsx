import { forwardRef, useCallback, useMemo } from 'react';
import { distinctTopClusters, type SearchTree } from '../../core/decode/searchTree';
import { formatDocid } from '../../core/docids/types';
import { useAppStore } from '../../store/appStore';
import { selectDocidVocab } from '../../store/modelSlice';
import type { GenerativeAnswer } from '../../worker/engineApi';
import { BeamTree } from './BeamTree';
import { formatPercent } from './probFormat';
import { labelTree } from './treeLabels';
import { layoutSearchTree } from './treeLayout';
import { useTreeZoom } from './useTreeZoom';

export interface TreeViewProps {
  title: string;
  answer: GenerativeAnswer;
  search: SearchTree;
  step: number;
  selected: string | null;
  opened: ReadonlySet<string>;
  showPruned: boolean;
  titleOfDoc: (docId: string) => string | undefined;
  clusterTerms: (prefix: string) => string[] | undefined;
  onSelect(id: string): void;
  onTogglePruned(id: string): void;
}

/**
 * One search tree, fitted to its box (zoom buttons and drag-to-pan for details), captioned with
 * how many top-level clusters its results cover.
 */
export const TreeView = forwardRef<SVGSVGElement, TreeViewProps>(function TreeView(props, ref) {
  const { title, answer, search, step, selected, opened, showPruned } = props;
  const { titleOfDoc, clusterTerms, onSelect, onTogglePruned } = props;
  const layout = useMemo(
    () => layoutSearchTree(search, opened, showPruned),
    [search, opened, showPruned],
  );
  const titleOf = useCallback(
    (docid: string) => {
      const docId = answer.docOf[docid];
      return docId === undefined ? undefined : (titleOfDoc(docId) ?? docId);
    },
    [answer, titleOfDoc],
  );
  const vocab = useAppStore(selectDocidVocab);
  const countOf = useCallback((docid: string) => answer.ngramCounts?.[docid], [answer]);
  const labelled = useMemo(
    () => labelTree(layout, vocab, titleOf, answer.ngramCounts ? countOf : undefined),
    [layout, vocab, titleOf, countOf, answer],
  );
  const zoom = useTreeZoom(labelled.width, layout.height);
  const clusters = distinctTopClusters(answer.hits);
  const firstLevels = new Set(answer.hits.map((h) => formatDocid(h.tokens.slice(0, 1), vocab)));
  return (
    <figure className="tree-figure">
      <figcaption>
        <strong>{title}</strong> —{' '}
        {answer.ngrams ? (
          `${answer.hits.length} documents ranked by the ${answer.ngrams.length} phrases the beams held`
        ) : (
          <>
            {answer.hits.length} results from <span data-testid="cluster-count">{clusters}</span>{' '}
            distinct top-level cluster
            {clusters === 1 ? '' : 's'}
            {clusters > 0 && ` (${[...firstLevels].sort().join(', ')})`}
          </>
        )}
      </figcaption>
      <div className="tree-zoom" role="toolbar" aria-label={`Zoom: ${title}`}>
        <button type="button" onClick={zoom.zoomOut} aria-label="Zoom out">
          −
        </button>
        <span data-testid="zoom-level">{formatPercent(zoom.scale)}</span>
        <button type="button" onClick={zoom.zoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={zoom.fitToBox} aria-pressed={zoom.fitted}>
          Fit
        </button>
        {zoom.pannable && <span className="note">drag to move around</span>}
      </div>
      <div
        ref={zoom.boxRef}
        className={zoom.pannable ? 'tree-scroll pannable' : 'tree-scroll'}
        data-testid="tree-box"
        {...zoom.pan}
      >
        <BeamTree
          ref={ref}
          layout={layout}
          labelled={labelled}
          scale={zoom.scale}
          step={step}
          selected={selected}
          groups={search.groups}
          titleOf={titleOf}
          clusterTerms={clusterTerms}
          onSelect={onSelect}
          onTogglePruned={onTogglePruned}
          opened={showPruned ? null : opened}
          label={`${title} search tree`}
        />
      </div>
    </figure>
  );
});
