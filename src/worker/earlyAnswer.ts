import { DecodeStopped, type DecodeParams, type RetrieveOutput } from '../models/docidSearch';
import { yieldToMessages } from './latestRequests';

/** The question of the page's address, decoded as soon as the shipped model is there. */
export interface EarlyQuestion {
  query: string;
  params: DecodeParams;
}

/**
 * A decode started before anyone asked: the page's first search of the same question and settings
 * takes its output instead of decoding again (so the answer does not wait for the page's round
 * trips that put the model in use and send the search).
 */
export interface EarlyAnswer extends EarlyQuestion {
  output: Promise<RetrieveOutput>;
  /** end the decode at its next step (its output then rejects with DecodeStopped) */
  stop(): void;
}

/** A decode of `question` by `decode` (TF.js's retrieve, or the plain forward pass's). */
export function startEarlyAnswer(
  question: EarlyQuestion,
  decode: (
    query: string,
    params: DecodeParams,
    beforeStep: () => Promise<void>,
  ) => Promise<RetrieveOutput>,
): EarlyAnswer {
  let stopped = false;
  const output = decode(question.query, question.params, async () => {
    await yieldToMessages();
    if (stopped) throw new DecodeStopped();
  });
  // its error, if any, is the search's that takes it
  output.catch(() => undefined);
  return { ...question, output, stop: () => (stopped = true) };
}

function sameParams(a: DecodeParams, b: DecodeParams): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof DecodeParams>;
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * The early answer's output when `query` and `params` are what it decodes; otherwise it is
 * stopped. Either way the holder keeps it no more: it serves one search.
 */
export function takeEarlyAnswer(
  holder: { early?: EarlyAnswer },
  query: string,
  params: DecodeParams,
): Promise<RetrieveOutput> | null {
  const early = holder.early;
  if (!early) return null;
  holder.early = undefined;
  if (early.query === query && sameParams(early.params, params)) return early.output;
  early.stop();
  return null;
}

/** Stop an early answer nobody took, then run `dispose` once its decode has ended. */
export function disposeAfterEarly(early: EarlyAnswer | undefined, dispose: () => void): void {
  if (!early) return dispose();
  early.stop();
  void early.output.then(dispose, dispose);
}
