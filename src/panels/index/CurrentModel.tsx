import { DenseModelInfo } from './DenseModelInfo';
import { GenerativeModelInfo } from './GenerativeModelInfo';

/** The two trained retrievers that answer queries now, side by side. */
export function CurrentModel() {
  return (
    <section className="card" aria-label="Current models">
      <h2>Current models</h2>
      <div className="current-models">
        <GenerativeModelInfo />
        <DenseModelInfo />
      </div>
    </section>
  );
}
