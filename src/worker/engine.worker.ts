import * as Comlink from 'comlink';
import '../models/tfSetup';
import { withCorpusTickets } from './corpusTickets';
import { createEngine } from './engine';

Comlink.expose(withCorpusTickets(createEngine()));
