import { download, fileSlug } from '../../ui/download';
import type { GenerativeAnswer } from '../../worker/engineApi';

const slug = (query: string) => fileSlug(query, 40, 'query');

/** The whole decoding: query, settings, results and every step of the trace. */
export function exportTraceJson(answer: GenerativeAnswer) {
  const json = JSON.stringify(answer, null, 1);
  download(new Blob([json], { type: 'application/json' }), `beam-trace-${slug(answer.query)}.json`);
}

function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

export function exportTreeSvg(svg: SVGSVGElement, query: string) {
  download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `beam-tree-${slug(query)}.svg`);
}

/** The tree as a PNG at twice its size (sharp on a projector). */
export async function exportTreePng(svg: SVGSVGElement, query: string) {
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = svg.width.baseVal.value * scale;
    canvas.height = svg.height.baseVal.value * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const png = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!png) throw new Error('the PNG could not be encoded');
    download(png, `beam-tree-${slug(query)}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
