import { useState } from 'react';
import { openPanel } from '../../ui/openPanel';
import { Glossary } from './Glossary';
import { readLearnProgress, writeLearnProgress, type LearnProgress } from './learnProgress';
import { LEARN_STEPS, runStepAction } from './learnSteps';

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** A short guided path through the panels on the loaded corpus, then the glossary. */
export function LearnPanel() {
  const [progress, setProgress] = useState<LearnProgress>(() =>
    readLearnProgress(storage(), LEARN_STEPS.length),
  );
  const save = (next: LearnProgress) => {
    setProgress(next);
    writeLearnProgress(storage(), next);
  };
  const goTo = (step: number) => save({ step, skipped: false });
  const skip = () => {
    save({ ...progress, skipped: true });
    openPanel('search');
  };

  const { step, skipped } = progress;
  const current = LEARN_STEPS[step];
  const last = step === LEARN_STEPS.length - 1;
  return (
    <>
      <section className="card learn" aria-labelledby="learn-heading">
        <h2 id="learn-heading">Learn: a guided path</h2>
        <p className="note">
          {LEARN_STEPS.length} short steps through the page, each with a button to the panel where
          it happens.
          {skipped &&
            ` You skipped the path earlier; it waits at step ${step + 1} whenever you want it.`}
        </p>
        <ol className="learn-steps" aria-label="Steps">
          {LEARN_STEPS.map((s, i) => (
            <li key={s.title}>
              <button
                type="button"
                className="link"
                aria-current={i === step ? 'step' : undefined}
                onClick={() => goTo(i)}
              >
                {s.title}
              </button>
            </li>
          ))}
        </ol>
        <article className="learn-step" aria-labelledby="learn-step-title">
          <h3 id="learn-step-title">{current.title}</h3>
          {current.body}
          <div className="learn-live">
            <current.Live />
          </div>
          <button type="button" onClick={() => runStepAction(current.action)}>
            {current.action.label}
          </button>
        </article>
        <div className="row learn-nav">
          <button
            type="button"
            className="secondary"
            disabled={step === 0}
            onClick={() => goTo(step - 1)}
          >
            Back
          </button>
          <span aria-live="polite" data-testid="learn-progress">
            Step {step + 1} of {LEARN_STEPS.length}
          </span>
          <button type="button" onClick={() => goTo(last ? 0 : step + 1)}>
            {last ? 'Start again' : 'Next'}
          </button>
          <button type="button" className="secondary" onClick={skip}>
            Skip
          </button>
        </div>
      </section>
      <Glossary />
    </>
  );
}
