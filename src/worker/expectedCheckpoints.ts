import { DEFAULT_BEAM_SEARCH_PARAMS } from '../core/decode/beamSearch';
import { parseCheckpointBytes } from '../models/checkpointFiles';
import { retrieve } from '../models/dsiRetriever';
import { DecodeStopped } from '../models/docidSearch';
import { yieldToMessages } from './latestRequests';
import {
  fetchCheckpointFiles,
  importDsiCheckpoint,
  type LoadedCheckpoint,
} from '../models/loadCheckpoint';
import { type DsiCheckpointFiles } from '../models/readDsiCheckpoint';
import { disposeSeq2Seq } from '../models/seq2seq';
import {
  disposeAfterEarly,
  startEarlyAnswer,
  type EarlyAnswer,
  type EarlyQuestion,
} from './earlyAnswer';

/** A checkpoint made ready ahead, with the decode of the address's question when there was one. */
export type ReadyCheckpoint = LoadedCheckpoint & { early?: EarlyAnswer };

/** How long a checkpoint made ready ahead is kept for its loadCheckpoint before it is freed. */
export const KEEP_READY_MS = 60_000;

interface Expected {
  /** the checkpoint imported as soon as its files and the backend are there */
  ready: Promise<ReadyCheckpoint>;
  /** settles `ready` with the checkpoint's files (the hand-over) */
  provide: (files: Promise<DsiCheckpointFiles>) => void;
  provided: boolean;
  /** a loadCheckpoint has taken it (so it is not freed when unused) */
  taken: boolean;
}

/**
 * Checkpoints the page downloads for a later loadCheckpoint (the shipped one, while the app still
 * checks whether this browser kept a model of its own). Once the files are handed over and the
 * backend is up, the checkpoint becomes a model at once and decodes a question while nothing asks
 * for it, so the kernels and code paths of the first real search are warm (on wasm a first decode
 * took 150–310 ms, against 55 ms for later ones). loadCheckpoint takes that model at once and stops
 * the warm-up at its next step: a real question does not wait behind it. When the page's address
 * carries a question, that question is the one decoded, to the end: the page's first search of it
 * takes the answer (earlyAnswer.ts). A model nobody takes is freed after KEEP_READY_MS.
 */
export class ExpectedCheckpoints {
  private readonly expected = new Map<string, Expected>();

  constructor(private readonly backendReady: () => Promise<unknown>) {}

  /** `question`: the page's address asks it; decoded as soon as the model is there (earlyAnswer.ts) */
  expect(url: string, question?: EarlyQuestion): void {
    if (this.expected.has(url)) return;
    let provide!: (files: Promise<DsiCheckpointFiles>) => void;
    const files = new Promise<DsiCheckpointFiles>((resolve) => (provide = resolve));
    const flags = { provided: false, taken: false };
    const ready = this.makeReady(files, () => flags.taken, question);
    const entry: Expected = Object.assign(flags, { ready, provide });
    // an error is reported by the loadCheckpoint that takes it, or by none
    entry.ready.catch(() => undefined);
    this.expected.set(url, entry);
  }

  /** The page's download of `url` (null: it failed, so download here). */
  provide(url: string, bytes: ArrayBuffer[] | null): void {
    const entry = this.expected.get(url);
    if (!entry || entry.provided) return;
    entry.provided = true;
    entry.provide(
      bytes ? Promise.resolve().then(() => parseCheckpointBytes(bytes)) : fetchCheckpointFiles(url),
    );
    if (entry.taken) {
      this.expected.delete(url);
      return;
    }
    setTimeout(() => {
      if (this.expected.get(url) !== entry || entry.taken) return;
      this.expected.delete(url);
      entry.ready.then(
        (loaded) => disposeAfterEarly(loaded.early, () => disposeSeq2Seq(loaded.retriever.model)),
        () => undefined,
      );
    }, KEEP_READY_MS);
  }

  /**
   * Import the checkpoint once its files and the backend are there; then decode `question`, or
   * warm it up until `taken`.
   */
  private async makeReady(
    files: Promise<DsiCheckpointFiles>,
    taken: () => boolean,
    question?: EarlyQuestion,
  ): Promise<ReadyCheckpoint> {
    const contents = await files;
    await this.backendReady();
    const loaded = importDsiCheckpoint(contents);
    if (question)
      return {
        ...loaded,
        early: startEarlyAnswer(question, (q, params, beforeStep) =>
          retrieve(loaded.retriever, q, params, beforeStep),
        ),
      };
    if (!taken())
      void retrieve(loaded.retriever, 'warm up', DEFAULT_BEAM_SEARCH_PARAMS, async () => {
        await yieldToMessages();
        if (taken()) throw new DecodeStopped();
      })
        // stopped, or failed: a warm-up is only a head start
        .catch(() => undefined);
    return loaded;
  }

  /**
   * The checkpoint at `url` for one loadCheckpoint: the model made ready ahead (waiting for its
   * hand-over if need be), or null when none is expected (download it then). A later
   * loadCheckpoint of the same URL downloads again.
   */
  take(url: string): Promise<ReadyCheckpoint> | null {
    const entry = this.expected.get(url);
    if (!entry || entry.taken) return null;
    entry.taken = true;
    if (entry.provided) this.expected.delete(url);
    return entry.ready;
  }
}
