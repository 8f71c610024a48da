import { useEffect } from 'react';
import { formatDocid } from '../../core/docids/types';
import { useAppStore } from '../../store/appStore';
import {
  COMPARE_EXAMPLE,
  exampleQuestion,
  INSPECT_EXAMPLE,
  testQuestionCount,
} from './exampleQuestions';
import { summariseModel } from './modelSummary';

// What each step shows from the page as it is now: the loaded corpus, the model in use, its docids.

/** Why there is nothing to show yet, in the words of the model's status. */
function NoModel() {
  const status = useAppStore((s) => s.modelStatus);
  const backend = useAppStore((s) => s.backend);
  if (status === 'loading' || (status === 'none' && !backend))
    return <p className="note">Loading the generative model…</p>;
  return (
    <p className="note">
      {status === 'error'
        ? 'The generative model could not load, so there is nothing to show here.'
        : 'No generative model is loaded for this corpus yet: train one in the Index panel, then come back.'}
    </p>
  );
}

/** Step 1: the corpus in the page. */
export function CorpusFacts() {
  const corpus = useAppStore((s) => s.corpus);
  if (!corpus) return <p className="note">Loading the corpus…</p>;
  const questions = testQuestionCount(corpus);
  return (
    <p data-testid="learn-corpus">
      Loaded now: the corpus <strong>{corpus.name}</strong> with{' '}
      {corpus.docs.length.toLocaleString('en')} documents
      {questions > 0
        ? ` and ${questions.toLocaleString('en')} test questions whose right answers are known.`
        : '. It has no test questions with known answers, so later steps use questions you type.'}
    </p>
  );
}

/** Step 2: a real document and the docid the model in use writes for it. */
export function DocidExample() {
  const corpus = useAppStore((s) => s.corpus);
  const model = useAppStore((s) => s.model);
  const docidOf = useAppStore((s) => s.docidOf);
  const loadDocids = useAppStore((s) => s.loadDocids);
  useEffect(() => {
    if (model && !docidOf) void loadDocids();
  }, [model, docidOf, loadDocids]);
  if (!model) return <NoModel />;
  const doc = corpus?.docs.find((d) => docidOf?.[d.id] !== undefined);
  if (!doc || !docidOf) return <p className="note">Reading the model’s docids…</p>;
  // the map holds each docid's key, one dash-separated group per token: read them as the model does
  const tokens = docidOf[doc.id].split('-').map(Number);
  return (
    <p>
      In the model in use ({model.docidScheme} docids), the document{' '}
      <strong data-testid="learn-doc-title">{doc.title || doc.id}</strong> has the docid{' '}
      <code data-testid="learn-docid">{formatDocid(tokens, model.docidVocab)}</code>. Writing
      exactly that is how the model answers “this document”.
    </p>
  );
}

/** Step 3: the generative model in use, with the settings it was trained with. */
export function ModelFacts() {
  const model = useAppStore((s) => s.model);
  if (!model) return <NoModel />;
  const summary = summariseModel(model);
  return (
    <p data-testid="learn-model">
      In use: {summary.origin}
      {summary.shape && `, a Transformer with ${summary.shape}`} ({summary.parameters} parameters),
      using {summary.docidScheme} docids
      {summary.training && `; trained for ${summary.training}`}.
    </p>
  );
}

/** A test question in quotes, or why there is none. */
function Question({ text }: { text: string }) {
  return <q data-testid="learn-question">{text}</q>;
}

/** Step 4: the question the inspector will decode, and how. */
export function DecodingExample() {
  const corpus = useAppStore((s) => s.corpus);
  const params = useAppStore((s) => s.inspectParams);
  const docCount = useAppStore((s) => s.model?.docCount ?? s.corpus?.docs.length ?? 0);
  const question = exampleQuestion(corpus, INSPECT_EXAMPLE);
  return (
    <p>
      {question ? (
        <>
          Example question: <Question text={question.text} />.{' '}
        </>
      ) : (
        'This corpus has no test questions: the inspector decodes the question in the search box. '
      )}
      The inspector decodes with a beam of {params.beamSize},{' '}
      {params.constrained
        ? `kept by the trie to the ${docCount.toLocaleString('en')} docids that exist.`
        : 'without the trie (it is switched off in the Inspect settings), so it may write docids that name no document.'}
    </p>
  );
}

/** Step 5: a judged test question and the document that answers it. */
export function CompareExample() {
  const corpus = useAppStore((s) => s.corpus);
  const question = exampleQuestion(corpus, COMPARE_EXAMPLE);
  if (!corpus || !question)
    return (
      <p className="note">This corpus has no test questions: type your own in the Compare panel.</p>
    );
  const answers = question.relevant
    .map((id) => corpus.docs.find((d) => d.id === id))
    .filter((d) => d !== undefined)
    .map((d) => d.title || d.id);
  return (
    <p>
      Test question: <Question text={question.text} />.{' '}
      {answers.length > 0 &&
        `Judged right: ${answers.join(', ')}. See which methods put it near the top.`}
    </p>
  );
}

/** Step 6: the scores the model in use reached when it was trained. */
export function ModelScores() {
  const model = useAppStore((s) => s.model);
  if (!model) return <NoModel />;
  const scores = Object.entries(model.metrics).filter(([name]) => /^\w+@\d+$/.test(name));
  if (scores.length === 0)
    return <p className="note">The model in use has no recorded scores: evaluate it now.</p>;
  const asked = model.metrics.queries;
  return (
    <p data-testid="learn-scores">
      When it was trained, the model in use scored{' '}
      {scores.map(([name, value]) => `${name} ${value.toFixed(3)}`).join(', ')} on{' '}
      {asked ? `${asked} ` : ''}
      {model.metricsSplit} questions it had not trained on.
    </p>
  );
}
