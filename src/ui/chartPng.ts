/**
 * A chart as a PNG that stands on its own: the title above the plot (uPlot draws the plot, axes
 * and axis labels on its canvas) and a legend of the series' colours below it.
 */
export async function chartPng(
  canvas: HTMLCanvasElement,
  title: string,
  legend: { label: string; color: string }[],
): Promise<Blob> {
  const ratio = canvas.width / canvas.clientWidth || 1;
  const line = 22 * ratio;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + 2 * line + 8 * ratio;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1c2333';
  ctx.font = `600 ${14 * ratio}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 8 * ratio, line / 2);
  ctx.drawImage(canvas, 0, line);
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  let x = 8 * ratio;
  const y = line + canvas.height + line / 2 + 4 * ratio;
  for (const { label, color } of legend) {
    ctx.fillStyle = color;
    ctx.fillRect(x, y - 2 * ratio, 16 * ratio, 4 * ratio);
    x += 22 * ratio;
    ctx.fillStyle = '#1c2333';
    ctx.fillText(label, x, y);
    x += ctx.measureText(label).width + 18 * ratio;
  }
  const blob = await new Promise<Blob | null>((r) => out.toBlob(r, 'image/png'));
  if (!blob) throw new Error('the PNG could not be encoded');
  return blob;
}
