import { TrainControl } from '../models/train/control';

/** The engine's one training run at a time (generative, dense or query generator) and its controls. */
export class TrainingRuns {
  current: TrainControl | null = null;

  /** The control of a new run; throws while another run is in progress. */
  start(): TrainControl {
    if (this.current) throw new Error('a training run is already in progress');
    return (this.current = new TrainControl());
  }

  end(): void {
    this.current = null;
  }
}
