export interface StepControlsProps {
  step: number;
  steps: number;
  playing: boolean;
  onStep(step: number): void;
  onPlay(playing: boolean): void;
}

/** First / previous / play / next / last, and a slider over the decoding steps. */
export function StepControls({ step, steps, playing, onStep, onPlay }: StepControlsProps) {
  const go = (s: number) => onStep(Math.max(0, Math.min(steps, s)));
  return (
    <div className="step-controls" role="toolbar" aria-label="Decoding steps">
      <button type="button" onClick={() => go(0)} disabled={step === 0} aria-label="First step">
        |◀
      </button>
      <button
        type="button"
        onClick={() => go(step - 1)}
        disabled={step === 0}
        aria-label="Previous step"
      >
        ◀
      </button>
      <button
        type="button"
        onClick={() => onPlay(!playing)}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={() => go(step + 1)}
        disabled={step === steps}
        aria-label="Next step"
      >
        ▶
      </button>
      <button
        type="button"
        onClick={() => go(steps)}
        disabled={step === steps}
        aria-label="Last step"
      >
        ▶|
      </button>
      <input
        type="range"
        min={0}
        max={steps}
        value={step}
        aria-label="Decoding step"
        aria-valuetext={`step ${step} of ${steps}`}
        onChange={(e) => go(Number(e.target.value))}
      />
      <span data-testid="step-label">
        step {step} of {steps}
      </span>
    </div>
  );
}
