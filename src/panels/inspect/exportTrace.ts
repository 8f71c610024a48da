import { download, fileSlug } from '../../ui/download';
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

const LINE = 18;

/** The tree as standalone SVG text, with `caption` lines above it. */
function svgText(svg: SVGSVGElement, caption: string[]): string {
  const ns = 'http://www.w3.org/2000/svg';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', ns);
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const top = caption.length * LINE + 10;
  const body = document.createElementNS(ns, 'g');
  body.setAttribute('transform', `translate(0 ${top})`);
  while (copy.firstChild) body.appendChild(copy.firstChild);
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', String(Math.max(width, 640)));
  background.setAttribute('height', String(height + top));
  background.setAttribute('fill', '#ffffff');
  copy.appendChild(background);
  caption.forEach((line, i) => {
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', '8');
    text.setAttribute('y', String((i + 1) * LINE));
    text.setAttribute('font-family', 'system-ui, sans-serif');
    text.setAttribute('font-size', i === 0 ? '14' : '12');
    text.setAttribute('fill', '#1c2333');
    text.textContent = line;
    copy.appendChild(text);
  });
  copy.appendChild(body);
  copy.setAttribute('width', String(Math.max(width, 640)));
  copy.setAttribute('height', String(height + top));
  copy.setAttribute('viewBox', `0 0 ${Math.max(width, 640)} ${height + top}`);
  return new XMLSerializer().serializeToString(copy);
}

export function exportTreeSvg(svg: SVGSVGElement, answer: GenerativeAnswer) {
  download(
    new Blob([svgText(svg, treeCaption(answer))], { type: 'image/svg+xml' }),
    `beam-tree-${slug(answer.query)}.svg`,
  );
}

/** The tree as a PNG at twice its size (sharp on a projector). */
export async function exportTreePng(svg: SVGSVGElement, answer: GenerativeAnswer) {
  const text = svgText(svg, treeCaption(answer));
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const png = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!png) throw new Error('the PNG could not be encoded');
    download(png, `beam-tree-${slug(answer.query)}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
