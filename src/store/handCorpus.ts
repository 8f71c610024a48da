import type { Corpus } from '../core/corpus/types';
import { splitCorpus } from '../core/corpus/corpusParts';
import type { CorpusTicket } from '../worker/engineApi';
import { engineClient } from './workers';

let lastTicket = 0;

/**
 * Hand `corpus` to the engine worker in parts of a thousand documents or queries, each its own
 * message (its own short task on this thread), and return the ticket the engine's method is then
 * given instead of the corpus (worker/corpusTickets.ts).
 */
export async function handCorpus(corpus: Corpus): Promise<CorpusTicket> {
  const ticket = ++lastTicket;
  const { head, parts } = splitCorpus(corpus);
  const engine = engineClient();
  await engine.beginCorpus(ticket, head);
  for (const part of parts) await engine.addCorpusPart(ticket, part);
  return { corpusTicket: ticket };
}
