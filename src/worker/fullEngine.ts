import '../models/tfSetup';
import { withCorpusTickets } from './corpusTickets';
import { createEngine } from './engine';

/** The engine with TF.js, as the page reaches it (loaded by engine.worker.ts when it is needed). */
export const fullEngine = () => withCorpusTickets(createEngine());
