/**
 * A request the page may supersede: searches of one channel ('bm25', 'generative', 'dense',
 * 'inspect'…) are numbered, and only the newest of a channel is worth computing.
 */
export interface RequestTag {
  channel: string;
  id: number;
}

/** What a worker returns instead of an answer when a newer request of the same channel arrived. */
export interface Superseded {
  superseded: true;
  channel: string;
  id: number;
}

export const isSuperseded = (x: unknown): x is Superseded =>
  typeof x === 'object' && x !== null && (x as Superseded).superseded === true;

/** The newest request id seen per channel, so a worker drops older requests before or while running them. */
export class LatestRequests {
  private readonly newest = new Map<string, number>();

  /** Note a request as its message arrives (call it before the first await of the handler). */
  arrive(tag: RequestTag | undefined): void {
    if (!tag) return;
    this.newest.set(tag.channel, Math.max(tag.id, this.newest.get(tag.channel) ?? -Infinity));
  }

  /** True once a newer request of the same channel has arrived. Untagged requests are never stale. */
  isStale(tag: RequestTag | undefined): boolean {
    return tag !== undefined && (this.newest.get(tag.channel) ?? -Infinity) > tag.id;
  }

  superseded(tag: RequestTag): Superseded {
    return { superseded: true, channel: tag.channel, id: tag.id };
  }

  /**
   * Call first in a request's handler: notes its arrival, lets queued messages run, and returns
   * Superseded when a newer request of its channel arrived meanwhile (null: go ahead).
   */
  async admit(tag: RequestTag | undefined): Promise<Superseded | null> {
    this.arrive(tag);
    await yieldToMessages();
    return this.isStale(tag) ? this.superseded(tag!) : null;
  }
}

/**
 * Let queued messages run (e.g. a newer request that supersedes this one) before going on. A
 * MessageChannel round trip, not setTimeout, which browsers clamp to 4 ms once timers nest.
 */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
