/**
 * A figure of the page (an SVG element) as a file that stands on its own: caption lines above it
 * (what it shows, the query, the settings) and a legend of its marks below, as SVG text or PNG.
 */
export interface LegendMark {
  label: string;
  color: string;
  mark: 'dot' | 'ring' | 'star';
}

const NS = 'http://www.w3.org/2000/svg';
const LINE = 18;
const LEGEND_ROW = 22;

function element(name: string, attributes: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  return e;
}

/** The figure's size in its own units (its viewBox where it has one, else its width and height). */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  return { width: svg.width.baseVal.value, height: svg.height.baseVal.value };
}

/** Rows of legend marks that fit `width` (about 7 px per character at 12 px). */
function legendRows(legend: readonly LegendMark[], width: number): LegendMark[][] {
  const rows: LegendMark[][] = [];
  let used = Infinity;
  for (const item of legend) {
    const w = 28 + item.label.length * 7;
    if (used + w > width - 8) {
      rows.push([]);
      used = 8;
    }
    rows[rows.length - 1].push(item);
    used += w;
  }
  return rows;
}

/** The figure as standalone SVG text with `caption` lines above it and `legend` below. */
export function captionedSvg(
  svg: SVGSVGElement,
  caption: readonly string[],
  legend: readonly LegendMark[] = [],
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', NS);
  const { width: inner, height } = sizeOf(svg);
  const width = Math.max(inner, 640);
  const top = caption.length * LINE + 10;
  const rows = legendRows(legend, width);
  const total = top + height + rows.length * LEGEND_ROW + (rows.length ? 8 : 0);
  const body = element('g', { transform: `translate(0 ${top})` });
  while (copy.firstChild) body.appendChild(copy.firstChild);
  copy.appendChild(element('rect', { width, height: total, fill: '#ffffff' }));
  const text = (x: number, y: number, content: string, size: number) => {
    const t = element('text', {
      x,
      y,
      'font-family': 'system-ui, sans-serif',
      'font-size': size,
      fill: '#1c2333',
    });
    t.textContent = content;
    copy.appendChild(t);
  };
  caption.forEach((line, i) => text(8, (i + 1) * LINE, line, i === 0 ? 14 : 12));
  copy.appendChild(body);
  rows.forEach((row, r) => {
    const y = top + height + 8 + r * LEGEND_ROW + LEGEND_ROW / 2;
    let x = 8;
    for (const item of row) {
      const cx = x + 8;
      if (item.mark === 'dot')
        copy.appendChild(element('circle', { cx, cy: y, r: 5, fill: item.color }));
      else if (item.mark === 'ring')
        copy.appendChild(
          element('circle', {
            cx,
            cy: y,
            r: 6,
            fill: 'none',
            stroke: item.color,
            'stroke-width': 1.8,
          }),
        );
      else
        copy.appendChild(
          element('path', {
            d: 'M0,-7 L2,-2 L7,-2 L3,1.3 L4.5,6.5 L0,3.2 L-4.5,6.5 L-3,1.3 L-7,-2 L-2,-2 Z',
            transform: `translate(${cx} ${y})`,
            fill: item.color,
          }),
        );
      text(x + 20, y + 4, item.label, 12);
      x += 28 + item.label.length * 7;
    }
  });
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(total));
  copy.setAttribute('viewBox', `0 0 ${width} ${total}`);
  return new XMLSerializer().serializeToString(copy);
}

/** SVG text as a PNG at `scale` times its size (2: sharp on a projector). */
export async function svgPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const png = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!png) throw new Error('the PNG could not be encoded');
    return png;
  } finally {
    URL.revokeObjectURL(url);
  }
}
