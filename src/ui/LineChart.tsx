import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartPng } from './chartPng';
import { download } from './download';

export interface LineSeries {
  label: string;
  values: number[];
  /** x of each value; default 1, 2, 3, …. Every series is drawn against the first one's x. */
  x?: number[];
  /** stroke colour; default from the palette by position */
  color?: string;
  /** stroke width in CSS pixels. Default 2 */
  width?: number;
}

export interface LineChartProps {
  title: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  /** plot height in CSS pixels. Default 220 */
  height?: number;
  /** fixed y range, e.g. [0, 1] for a rate; default fits the data */
  yRange?: [number, number];
  /** x counts things (steps, epochs): ticks only at whole numbers. Default true */
  countX?: boolean;
  /** offer a "Save as PNG" button that downloads the chart under this file name */
  pngName?: string;
}

// steps and epochs are counts: ticks at 1.5 epochs would suggest evaluations that never happened
const COUNT_TICKS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

// canvas strokes cannot read CSS variables; these follow --accent, orange, --ok, --bad
const PALETTE = ['#3454d1', '#e07b00', '#1d7a46', '#b42318'];

/** uPlot wants one shared x row followed by one y row per series. */
function alignedData(series: LineSeries[]): uPlot.AlignedData {
  const n = series[0]?.values.length ?? 0;
  const x = series[0]?.x ?? Array.from({ length: n }, (_, i) => i + 1);
  return [x, ...series.map((s) => s.values.slice(0, x.length))];
}

/**
 * A live line chart. The uPlot instance is created once per set of series and then only fed new
 * data, so a curve that grows every training step costs one redraw per frame, not a rebuild.
 */
export function LineChart({
  title,
  series,
  xLabel,
  yLabel,
  height = 220,
  yRange,
  countX = true,
  pngName,
}: LineChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // the newest series, for a chart rebuilt (new height or labels) after data arrived
  const latest = useRef(series);
  // the chart is rebuilt only when what the series are changes, not their values
  const shape = JSON.stringify(series.map((s) => [s.label, s.color, s.width]));
  const [yMin, yMax] = yRange ?? [null, null];

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const styles = JSON.parse(shape) as [string, string | undefined, number | undefined][];
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      scales: {
        x: { time: false },
        y: yMin === null || yMax === null ? {} : { range: [yMin, yMax] },
      },
      axes: [
        {
          label: xLabel,
          stroke: '#5b6475',
          grid: { stroke: '#eef0f5' },
          incrs: countX ? COUNT_TICKS : undefined,
        },
        { label: yLabel, stroke: '#5b6475', grid: { stroke: '#eef0f5' }, size: 56 },
      ],
      series: [
        { label: xLabel },
        ...styles.map(([label, color, width], i) => ({
          label,
          stroke: color ?? PALETTE[i % PALETTE.length],
          width: width ?? 2,
        })),
      ],
      legend: { live: true },
    };
    const u = new uPlot(opts, alignedData(latest.current), el);
    plot.current = u;
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width !== u.width) u.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [shape, height, xLabel, yLabel, yMin, yMax, countX]);

  useEffect(() => {
    latest.current = series;
    // several store updates can land in one frame; draw only the last of them
    const frame = requestAnimationFrame(() => plot.current?.setData(alignedData(series)));
    return () => cancelAnimationFrame(frame);
  }, [series]);

  const savePng = async () => {
    const canvas = holder.current?.querySelector('canvas');
    if (!canvas || !pngName) return;
    const legend = series.map((s, i) => ({
      label: s.label,
      color: s.color ?? PALETTE[i % PALETTE.length],
    }));
    download(await chartPng(canvas, title, legend), pngName);
  };

  return (
    <figure className="line-chart" aria-label={title}>
      <figcaption>
        {title}
        {pngName && (
          <button type="button" className="link-button" onClick={() => void savePng()}>
            Save as PNG
          </button>
        )}
      </figcaption>
      <div ref={holder} className="line-chart-plot" />
    </figure>
  );
}
