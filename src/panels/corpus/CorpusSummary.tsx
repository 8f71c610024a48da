import type { LengthStats } from '../../core/corpus/stats';
import { useAppStore } from '../../store/appStore';

function LengthHistogram({ stats, label }: { stats: LengthStats; label: string }) {
  const peak = Math.max(1, ...stats.histogram.map((b) => b.count));
  return (
    <figure className="histogram" aria-label={label}>
      <div className="histogram-bars">
        {stats.histogram.map((b) => (
          <div
            key={b.from}
            className="histogram-bar"
            style={{ height: `${(100 * b.count) / peak}%` }}
            title={`${b.from}–${b.to} words: ${b.count}`}
          />
        ))}
      </div>
      <figcaption>
        {label}: min {stats.min}, median {stats.median}, mean {stats.mean.toFixed(1)}, p90{' '}
        {stats.p90}, max {stats.max}
      </figcaption>
    </figure>
  );
}

export function CorpusSummary() {
  const corpus = useAppStore((s) => s.corpus);
  const stats = useAppStore((s) => s.corpusStats);
  const timing = useAppStore((s) => s.loadTiming);
  if (!corpus || !stats) return null;
  const splits = Object.entries(stats.splits);
  return (
    <section className="card" aria-label="Corpus statistics">
      <h2>{corpus.name}</h2>
      <dl className="stats">
        <div>
          <dt>Documents</dt>
          <dd data-testid="doc-count">{stats.docs.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Queries</dt>
          <dd data-testid="query-count">{stats.queries.toLocaleString()}</dd>
        </div>
        {splits.map(([split, s]) => (
          <div key={split}>
            <dt>{split} split</dt>
            <dd data-testid={`split-${split}`}>
              {s.queries.toLocaleString()} queries · {s.pairs.toLocaleString()} qrels
            </dd>
          </div>
        ))}
        {timing && (
          <div>
            <dt>Parsed / BM25-indexed in</dt>
            <dd>
              {Math.round(timing.parseMs)} ms / {Math.round(timing.indexMs)} ms
            </dd>
          </div>
        )}
      </dl>
      <div className="row">
        <LengthHistogram stats={stats.docLengths} label="Words per document" />
        {stats.queryLengths && (
          <LengthHistogram stats={stats.queryLengths} label="Words per query" />
        )}
      </div>
    </section>
  );
}
