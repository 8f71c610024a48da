import { download, fileSlug } from '../../ui/download';
import { captionedSvg, svgPng } from '../../ui/svgExport';
import type { GenerativeAnswer } from '../../worker/engineApi';

const slug = (query: string) => fileSlug(query, 40, 'query');

/**
 * The decoding as the exported JSON holds it: groups numbered from 1, as the page and the
 * exported tree number them (the decoder counts from 0), and a note saying so.
 */
export function traceForExport(answer: GenerativeAnswer) {
  const diverse = (answer.params.groups ?? 1) > 1;
  const from1 = <T extends { group?: number }>(x: T): T =>
    x.group === undefined ? x : { ...x, group: x.group + 1 };
  return {
    ...answer,
    ...(diverse && { groupsNumbered: 'from 1, as in the page' }),
    hits: answer.hits.map(from1),
    trace: answer.trace.map(from1),
  };
}

/** The whole decoding: query, settings, results and every step of the trace. */
export function exportTraceJson(answer: GenerativeAnswer) {
  const json = JSON.stringify(traceForExport(answer), null, 1);
  download(new Blob([json], { type: 'application/json' }), `beam-trace-${slug(answer.query)}.json`);
}

/**
 * What an exported tree says about itself: the query, the settings and what its marks mean, in
 * lines short enough for the narrowest export (640 px at 12 px).
 */
export function treeCaption(answer: GenerativeAnswer): string[] {
  const p = answer.params;
  const groups = p.groups ?? 1;
  const settings = [
    `beam ${p.beamSize}`,
    `${p.topK} results`,
    `α ${p.lengthPenalty}`,
    p.constrained ? 'constrained to the docid trie' : 'unconstrained',
    groups > 1 ? 'diverse beam search' : 'plain beam search',
  ];
  return [
    `Query: ${answer.query}`,
    `Settings: ${settings.join(', ')}`,
    ...(groups > 1
      ? [
          `Diverse beam search: ${groups} groups (numbered 1–${groups}), λ ${p.diversityStrength ?? 0}`,
        ]
      : []),
    `Legend: ${groups > 1 ? `colour = group (1–${groups})` : 'solid = kept in the beam'}; grey dashed = pruned; thick = path to a returned result`,
    'start = the empty docid; end = the docid is complete (a leaf; #1 = its rank in the results)',
    '% = chance of the token after its prefix; log p = cumulative log-probability of the prefix',
    '+n = n pruned alternatives not drawn after that prefix',
  ];
}

export function exportTreeSvg(svg: SVGSVGElement, answer: GenerativeAnswer) {
  download(
    new Blob([captionedSvg(svg, treeCaption(answer))], { type: 'image/svg+xml' }),
    `beam-tree-${slug(answer.query)}.svg`,
  );
}

/** The tree as a PNG at twice its size (sharp on a projector). */
export async function exportTreePng(svg: SVGSVGElement, answer: GenerativeAnswer) {
  download(
    await svgPng(captionedSvg(svg, treeCaption(answer))),
    `beam-tree-${slug(answer.query)}.png`,
  );
}
