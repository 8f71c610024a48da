import { useMemo } from 'react';
import { exampleQuestions } from '../../core/corpus/exampleQuestions';
import { useAppStore } from '../../store/appStore';

/** How many of the corpus's questions are offered as examples. */
const EXAMPLES = 4;

/** A few of the loaded corpus's own questions, one click from an answer (none without queries). */
export function ExampleQuestions() {
  const corpus = useAppStore((s) => s.corpus);
  const submitQuery = useAppStore((s) => s.submitQuery);
  const examples = useMemo(() => (corpus ? exampleQuestions(corpus, EXAMPLES) : []), [corpus]);
  if (examples.length === 0) return null;
  return (
    <div className="example-questions" role="group" aria-label="Example questions">
      <span className="note">Try one of the corpus&apos;s test questions:</span>
      {examples.map((q) => (
        <button
          key={q.id}
          type="button"
          className="question-chip"
          onClick={() => submitQuery(q.text)}
        >
          {q.text}
        </button>
      ))}
    </div>
  );
}
