import { download, fileSlug } from '../../ui/download';
import { captionedSvg, svgPng } from '../../ui/svgExport';
import type { GenerativeAnswer } from '../../worker/engineApi';

const slug = (query: string) => fileSlug(query, 40, 'query');

/** The whole decoding: query, settings, results and every step of the trace. */
export function exportTraceJson(answer: GenerativeAnswer) {
  const json = JSON.stringify(answer, null, 1);
  download(new Blob([json], { type: 'application/json' }), `beam-trace-${slug(answer.query)}.json`);
}

/** What an exported tree says about itself: the query, the settings and what its marks mean. */
export function treeCaption(answer: GenerativeAnswer): string[] {
  const p = answer.params;
  const groups = p.groups ?? 1;
  const settings = [
    `beam ${p.beamSize}`,
    `${p.topK} results`,
    `α ${p.lengthPenalty}`,
    p.constrained ? 'constrained to the docid trie' : 'unconstrained',
    groups > 1
      ? `diverse beam search: G ${groups}, λ ${p.diversityStrength ?? 0}`
      : 'plain beam search',
  ];
  return [
    `Query: ${answer.query}`,
    `Settings: ${settings.join(', ')}`,
    `Legend: ${groups > 1 ? `colour = group (1–${groups})` : 'solid = kept in the beam'}; grey dashed = pruned; thick = path to a returned result; leaves = ended docids by rank`,
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
