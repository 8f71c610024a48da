import { CorpusParts } from '../core/corpus/corpusParts';
import type { CorpusMethods, EngineWorkerApi, TicketedEngineApi } from './engineApi';

/**
 * The engine as the page reaches it: corpora arrive in parts under a ticket, and each method
 * that takes a corpus is given the whole one its ticket names (which this side then forgets, so
 * the worker holds no copy of a corpus between runs).
 */
export function withCorpusTickets(engine: EngineWorkerApi): TicketedEngineApi {
  const intake = new CorpusParts();
  const byTicket: Pick<TicketedEngineApi, CorpusMethods> = {
    train: (c, ...rest) => engine.train(intake.take(c.corpusTicket), ...rest),
    trainDense: (c, ...rest) => engine.trainDense(intake.take(c.corpusTicket), ...rest),
    trainQueryGenerator: (c, ...rest) =>
      engine.trainQueryGenerator(intake.take(c.corpusTicket), ...rest),
    generateQueries: (c, ...rest) => engine.generateQueries(intake.take(c.corpusTicket), ...rest),
  };
  return {
    ...engine,
    ...byTicket,
    beginCorpus: (ticket, head) => intake.begin(ticket, head),
    addCorpusPart: (ticket, part) => intake.add(ticket, part),
  };
}
