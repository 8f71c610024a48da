import type { DistillParams } from '../../core/dsi/distill';
import { DEFAULT_DISTILL_PARAMS } from '../../core/dsi/distill';
import type { DsiMixParams } from '../../core/dsi/examples';
import type { DsiDataConfig } from '../../core/dsi/prepare';
import { useAppStore } from '../../store/appStore';
import { NumberField } from '../../ui/NumberField';
import { Term } from '../../ui/Term';
import { CheckboxField } from './CheckboxField';
import { DocidSettings } from './DocidSettings';
import { SelectField } from './SelectField';

interface DataProps {
  data: DsiDataConfig;
  onChange(data: DsiDataConfig): void;
}

/** What one epoch shows the model: the kinds of (text → docid) examples and their copies. */
function ExampleSettings({ data, dense, onChange }: DataProps & { dense: boolean }) {
  const generatedCount = useAppStore((s) => s.generatedQueries?.kept ?? null);
  const setMix = (key: keyof DsiMixParams, value: number | null) =>
    onChange({ ...data, mix: { ...data.mix, [key]: value ?? 0 } });
  return (
    <fieldset className="settings-group">
      <legend>Training examples</legend>
      <p className="note">
        {dense
          ? 'How many copies of each kind of pair one epoch shows: a real training query with its document, a rule-based pseudo-query, a query from the learned generator.'
          : 'How many copies of each kind of example one epoch shows: a document’s text → its docid (indexing), and queries → docid (retrieval): real training queries, rule-based pseudo-queries cut from the document, and queries the learned generator wrote. Indexing copies 0 = query-only indexing; the copies set the indexing : retrieval ratio.'}
      </p>
      <div className="field-pair">
        {!dense && (
          <NumberField
            label="Indexing copies"
            value={data.mix.indexing}
            min={0}
            max={8}
            onChange={(v) => setMix('indexing', v)}
          />
        )}
        <NumberField
          label="Real-query copies"
          value={data.mix.queries}
          min={0}
          max={8}
          onChange={(v) => setMix('queries', v)}
        />
        <NumberField
          label={
            <>
              <Term id="pseudo-query">Pseudo-query</Term> copies
            </>
          }
          value={data.mix.pseudo}
          min={0}
          max={8}
          onChange={(v) => setMix('pseudo', v)}
        />
        <NumberField
          label="Generated-query copies"
          value={data.mix.generated}
          min={0}
          max={8}
          hint={
            generatedCount === null
              ? 'No learned queries yet: train the query generator below.'
              : `${generatedCount.toLocaleString('en')} kept generated queries.`
          }
          onChange={(v) => setMix('generated', v)}
        />
      </div>
      <NumberField
        label="Pseudo-queries per document"
        value={data.querygen.perDoc}
        min={0}
        max={20}
        hint="Spans and keyword sets cut from each document (NCI's document-as-query), per strategy."
        onChange={(v) => onChange({ ...data, querygen: { ...data.querygen, perDoc: v ?? 0 } })}
      />
      <CheckboxField
        label="Draw new pseudo-queries every epoch"
        checked={data.resamplePseudo ?? false}
        hint="Fresh spans and keywords each pass, instead of the same set every time."
        onChange={(resamplePseudo) => onChange({ ...data, resamplePseudo })}
      />
    </fieldset>
  );
}

/** Distillation from a teacher's ranking, and CorpusBrain-style pre-training. */
function TeacherSettings({ data, onChange }: DataProps) {
  const denseReady = useAppStore((s) => s.denseStatus === 'ready');
  const distill = data.distill ?? DEFAULT_DISTILL_PARAMS;
  const setDistill = (d: Partial<DistillParams>) =>
    onChange({ ...data, distill: { ...distill, ...d } });
  const on = distill.teacher !== 'none';
  return (
    <fieldset className="settings-group">
      <legend>Teacher and pre-training</legend>
      <SelectField<DistillParams['teacher']>
        label="Learn the ranking of"
        value={distill.teacher}
        options={[
          { value: 'none', label: 'Nobody: only the right docid counts' },
          { value: 'bm25', label: 'BM25 (distillation)' },
          {
            value: 'dense',
            label: `The dense retriever${denseReady ? '' : ' — train one first'}`,
            disabled: !denseReady,
          },
        ]}
        hint="Distillation (RIPOR, DGR): for every query the first decoding step is also pulled toward the teacher's top documents, not only toward the one right answer."
        onChange={(teacher) => setDistill({ teacher })}
      />
      <div className="field-pair">
        <NumberField
          label="Teacher weight λ"
          value={distill.weight}
          min={0}
          max={10}
          integer={false}
          disabled={!on}
          onChange={(v) => setDistill({ weight: v ?? 0 })}
        />
        <NumberField
          label="Teacher temperature τ"
          value={distill.temperature}
          min={0.01}
          max={10}
          integer={false}
          disabled={!on}
          hint="Small τ: only the teacher's best documents count."
          onChange={(v) => setDistill({ temperature: v ?? DEFAULT_DISTILL_PARAMS.temperature })}
        />
      </div>
      <NumberField
        label="Pre-training epochs (CorpusBrain)"
        value={data.pretrainEpochs ?? 0}
        min={0}
        max={20}
        hint="Before indexing, learn sentence → docid pairs cut from the corpus itself: an inner sentence and the lead of each document."
        onChange={(v) => onChange({ ...data, pretrainEpochs: v ?? 0 })}
      />
    </fieldset>
  );
}

/**
 * The training data: how docids are made and which examples teach the model. The dense retriever
 * (`dense`) reads the same config but only its (query or pseudo-query, document) pairs, so it
 * shows neither docids nor indexing examples.
 */
export function DataSettings({
  data,
  dModel,
  dense = false,
  onChange,
}: DataProps & { dense?: boolean; dModel?: number }) {
  return (
    <>
      {!dense && <DocidSettings data={data} dModel={dModel ?? 64} onChange={onChange} />}
      <ExampleSettings data={data} dense={dense} onChange={onChange} />
      {!dense && <TeacherSettings data={data} onChange={onChange} />}
    </>
  );
}
