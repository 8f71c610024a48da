import type { SamplingParams } from '../../core/querygen/sampling';
import { DEMO_QUERYGEN_CONFIG, TINY_QUERYGEN_CONFIG } from '../../models/queryGenConfig';
import { useAppStore } from '../../store/appStore';
import { NumberField } from '../../ui/NumberField';
import { BackendField } from './BackendField';
import { SelectField } from './SelectField';

const PRESETS = [
  { id: 'classroom', label: 'Classroom (default)', config: DEMO_QUERYGEN_CONFIG },
  { id: 'tiny', label: 'Tiny (fast demo)', config: TINY_QUERYGEN_CONFIG },
] as const;

/** Whether the corpus has (query, passage) pairs the generator can learn from. */
function useTrainPairs(): number {
  return useAppStore((s) => {
    const train = s.corpus?.qrels.train;
    return train ? [...train.values()].reduce((n, judged) => n + judged.size, 0) : 0;
  });
}

/** DSI-QG's query generator: what it learns from, its size, and how its queries are drawn and kept. */
export function QueryGenSettings() {
  const config = useAppStore((s) => s.queryGenConfig);
  const setConfig = useAppStore((s) => s.setQueryGenConfig);
  const sample = useAppStore((s) => s.querySample);
  const setSample = useAppStore((s) => s.setQuerySample);
  const filter = useAppStore((s) => s.queryFilter);
  const setFilter = useAppStore((s) => s.setQueryFilter);
  const corpusName = useAppStore((s) => s.corpus?.name ?? '');
  const pairs = useTrainPairs();
  const preset = PRESETS.find((p) => JSON.stringify(p.config) === JSON.stringify(config));
  const setSampling = (s: Partial<SamplingParams>) =>
    setSample({ ...sample, sampling: { ...sample.sampling, ...s } });
  const nucleus = sample.sampling.strategy === 'nucleus';

  return (
    <>
      <p className="note">
        DSI-QG: a second seq2seq model reads a passage and writes questions about it, learned from
        the collection&apos;s training (question, passage) pairs. It then writes questions for every
        document; BM25 keeps those whose own document it ranks near the top, and the generative
        model is trained on the kept ones (Generated-query copies in its settings).
      </p>
      {pairs === 0 ? (
        <p role="alert" className="error">
          {corpusName || 'This corpus'} has no training queries, so the generator cannot learn here.
          Index with the rule-based pseudo-queries instead, or train a generator on a collection
          that has training queries (the built-in one does) and come back: it writes questions for
          any corpus.
        </p>
      ) : (
        <p className="note">{pairs.toLocaleString('en')} training pairs to learn from.</p>
      )}
      <SelectField<string>
        label="Preset"
        value={preset?.id ?? 'custom'}
        options={[
          ...PRESETS.map((p) => ({ value: p.id, label: p.label })),
          { value: 'custom', label: 'Custom (edited)', disabled: true },
        ]}
        onChange={(id) => {
          const chosen = PRESETS.find((p) => p.id === id);
          if (chosen) setConfig(chosen.config);
        }}
      />
      <div className="settings-grid">
        <fieldset className="settings-group">
          <legend>Generator</legend>
          <div className="field-pair">
            <NumberField
              label="Generator epochs"
              value={config.epochs}
              min={1}
              max={200}
              onChange={(v) => setConfig({ ...config, epochs: v ?? config.epochs })}
            />
            <NumberField
              label="Longest question (tokens)"
              value={config.maxQueryLen}
              min={4}
              max={64}
              onChange={(v) => setConfig({ ...config, maxQueryLen: v ?? config.maxQueryLen })}
            />
          </div>
        </fieldset>
        <fieldset className="settings-group">
          <legend>Writing and filtering</legend>
          <div className="field-pair">
            <NumberField
              label="Questions per document"
              value={sample.perDoc}
              min={1}
              max={20}
              onChange={(v) => setSample({ ...sample, perDoc: v ?? sample.perDoc })}
            />
            <NumberField
              label="Keep if BM25 rank ≤"
              value={filter.maxRank}
              min={1}
              max={100}
              hint="DSI-QG's filter: a question whose own document BM25 does not rank this high is dropped."
              onChange={(v) => setFilter({ maxRank: v ?? filter.maxRank })}
            />
          </div>
          <SelectField<SamplingParams['strategy']>
            label="Sampling"
            value={sample.sampling.strategy}
            options={[
              { value: 'top-k', label: 'Top-k: draw among the k likeliest next words' },
              { value: 'nucleus', label: 'Nucleus: draw among the likeliest words holding p' },
            ]}
            onChange={(strategy) => setSampling({ strategy })}
          />
          <div className="field-pair">
            {nucleus ? (
              <NumberField
                label="Nucleus p"
                value={sample.sampling.topP}
                min={0.1}
                max={1}
                integer={false}
                onChange={(v) => setSampling({ topP: v ?? sample.sampling.topP })}
              />
            ) : (
              <NumberField
                label="Top k"
                value={sample.sampling.topK}
                min={1}
                max={100}
                onChange={(v) => setSampling({ topK: v ?? sample.sampling.topK })}
              />
            )}
            <NumberField
              label="Temperature"
              value={sample.sampling.temperature}
              min={0.1}
              max={2}
              integer={false}
              onChange={(v) => setSampling({ temperature: v ?? sample.sampling.temperature })}
            />
          </div>
        </fieldset>
        <BackendField />
      </div>
    </>
  );
}
