import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { beamsAtStep, buildSearchTree, ROOT_ID } from '../../core/decode/searchTree';
import { docidToString } from '../../core/docids/types';
import { useAppStore } from '../../store/appStore';
import { selectDocidVocab } from '../../store/modelSlice';
import type { GenerativeAnswer } from '../../worker/engineApi';
import { exportTraceJson, exportTreePng, exportTreeSvg } from './exportTrace';
import { InspectLegend } from './InspectLegend';
import { InspectResults } from './InspectResults';
import { NodeDetails } from './NodeDetails';
import { StepControls } from './StepControls';
import { TreeView } from './TreeView';

const PLAY_MS = 800;

export interface InspectViewProps {
  answer: GenerativeAnswer;
  /** plain beam search of the same width, shown beside a diverse one */
  plain: GenerativeAnswer | null;
}

/** One decoding, stepped through: tree(s), step controls, the selected prefix's distribution. */
export function InspectView({ answer, plain }: InspectViewProps) {
  const corpus = useAppStore((s) => s.corpus);
  const model = useAppStore((s) => s.model);
  const vocab = useAppStore(selectDocidVocab);
  const search = useMemo(
    () => buildSearchTree(answer.trace, answer.hits, vocab.eos),
    [answer, vocab],
  );
  const plainSearch = useMemo(
    () => (plain ? buildSearchTree(plain.trace, plain.hits, vocab.eos) : null),
    [plain, vocab],
  );
  const steps = Math.max(search.steps, plainSearch?.steps ?? 0);

  const [step, setStep] = useState(steps);
  const [playing, setPlaying] = useState(false);
  const [selected, setSelected] = useState<string>(
    () => [...search.nodes.values()].find((n) => n.resultRank === 0)?.id ?? ROOT_ID,
  );
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [showPruned, setShowPruned] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);

  const goTo = useCallback(
    (s: number) => {
      const next = Math.max(0, Math.min(steps, s));
      setStep(next);
      // keep the selection visible: else select the best prefix the model expands at this step
      const sel = search.nodes.get(selected);
      if (!sel || sel.step >= next) {
        const frontier = beamsAtStep(answer.trace, next)[0];
        const id = frontier ? docidToString(frontier.prefix) : ROOT_ID;
        const node = search.nodes.get(id);
        setSelected(node && node.step < next ? id : ROOT_ID);
      }
    },
    [steps, answer, search, selected],
  );

  useEffect(() => {
    if (!playing || step >= steps) return;
    const t = setTimeout(() => {
      goTo(step + 1);
      if (step + 1 >= steps) setPlaying(false);
    }, PLAY_MS);
    return () => clearTimeout(t);
  }, [playing, step, steps, goTo]);

  const play = (on: boolean) => {
    // play from the start when at the end
    if (on && step >= steps) goTo(0);
    setPlaying(on);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON') return;
    const moves: Record<string, () => void> = {
      ArrowRight: () => goTo(step + 1),
      ArrowLeft: () => goTo(step - 1),
      Home: () => goTo(0),
      End: () => goTo(steps),
      ' ': () => play(!playing),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  };

  const docs = useMemo(() => new Map(corpus?.docs.map((d) => [d.id, d])), [corpus]);
  const titleOfDoc = useCallback((id: string) => docs.get(id)?.title || undefined, [docs]);
  const clusterTerms = useCallback((prefix: string) => model?.clusterTerms[prefix], [model]);
  const togglePruned = useCallback(
    (id: string) =>
      setOpened((o) => {
        const next = new Set(o);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const selectedNode = search.nodes.get(selected);
  const selectedDocId =
    selectedNode?.status === 'finished'
      ? answer.docOf[docidToString(selectedNode.tokens)]
      : undefined;
  const selectedNgram =
    answer.ngramCounts && selectedNode
      ? {
          count: answer.ngramCounts[docidToString(selectedNode.tokens)],
          docs: (answer.ngramDocs?.[docidToString(selectedNode.tokens)] ?? []).flatMap((id) => {
            const d = docs.get(id);
            return d ? [d] : [];
          }),
        }
      : undefined;
  // a SEAL document's n-gram may be a prefix that never ended: select the prefix then
  const selectResult = useCallback(
    (id: string) => setSelected(search.nodes.has(id) ? id : id.replace(/\|eos$/, '')),
    [search],
  );
  const groups = search.groups;
  const common = {
    step,
    opened,
    showPruned,
    titleOfDoc,
    clusterTerms,
    onTogglePruned: togglePruned,
  };

  return (
    <div className="inspect-view" onKeyDown={onKeyDown}>
      <div className="row inspect-toolbar">
        <StepControls step={step} steps={steps} playing={playing} onStep={goTo} onPlay={play} />
        <label className="check">
          <input
            type="checkbox"
            checked={showPruned}
            onChange={(e) => setShowPruned(e.target.checked)}
          />{' '}
          Show all pruned alternatives
        </label>
      </div>
      <InspectLegend groups={groups} />
      <div className="inspect-body">
        <div
          className={plainSearch ? 'trees trees-two' : 'trees'}
          tabIndex={0}
          role="region"
          aria-label="Search trees: arrow keys step, space plays"
        >
          {plain && plainSearch && (
            <TreeView
              {...common}
              title="Plain beam search"
              answer={plain}
              search={plainSearch}
              selected={null}
              onSelect={() => {}}
            />
          )}
          <TreeView
            {...common}
            ref={svgRef}
            title={
              groups > 1
                ? `Diverse beam search (G=${groups}, λ=${answer.params.diversityStrength})`
                : 'Beam search'
            }
            answer={answer}
            search={search}
            selected={selected}
            onSelect={setSelected}
          />
        </div>
        <aside className="inspect-side">
          <NodeDetails
            search={search}
            trace={answer.trace}
            nodeId={selected}
            constrained={answer.params.constrained}
            doc={selectedDocId ? docs.get(selectedDocId) : undefined}
            clusterTerms={clusterTerms}
            ngram={selectedNgram}
          />
        </aside>
      </div>
      <InspectResults answer={answer} titleOfDoc={titleOfDoc} onSelect={selectResult} />
      <div className="row">
        <button type="button" onClick={() => exportTraceJson(answer)}>
          Export trace (JSON)
        </button>
        <button
          type="button"
          onClick={() => svgRef.current && exportTreeSvg(svgRef.current, answer)}
        >
          Export tree (SVG)
        </button>
        <button
          type="button"
          onClick={() => svgRef.current && void exportTreePng(svgRef.current, answer)}
        >
          Export tree (PNG)
        </button>
      </div>
    </div>
  );
}
