import type { RequestTag } from '../worker/latestRequests';

export { isSuperseded } from '../worker/latestRequests';

let lastId = 0;
const newest = new Map<string, number>();

/** Number a new request of `channel` ('bm25', 'generative'…); it supersedes the channel's older ones. */
export function newRequest(channel: string): RequestTag {
  const tag = { channel, id: ++lastId };
  newest.set(channel, tag.id);
  return tag;
}

/** True while no newer request of the same channel has been made: only then is its answer shown. */
export const isCurrent = (tag: RequestTag): boolean => newest.get(tag.channel) === tag.id;
