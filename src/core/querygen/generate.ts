import { createRandom } from '../random';
import { keywordCandidates, keywordQueryCandidates, KEYWORD_POOL_FACTOR } from './keywords';
import { spanCandidates } from './spans';
import {
  DEFAULT_QUERYGEN_PARAMS,
  normalizeQueryGenParams,
  type PseudoQuery,
  type QueryGenParams,
  type QueryGenStrategy,
} from './types';

/** Samples tried per wanted query before a document is taken to have no more distinct ones. */
const TRIES_PER_QUERY = 10;

// Fixed stream ids, so reordering `strategies` does not change what each strategy produces.
const STREAM: Record<QueryGenStrategy, number> = { span: 1, keywords: 2 };

/**
 * Pseudo-queries for DSI training when real queries are few or absent (DSI-QG, Zhuang et al.
 * 2022; NCI, Wang et al. 2022): up to `perDoc` distinct queries per document per strategy.
 * `texts` holds one string per document (title + ' ' + text). Output is grouped by document, then
 * by strategy in `params.strategies` order; no (doc, text) pair repeats, even across strategies.
 */
export function generatePseudoQueries(
  texts: readonly string[],
  params: QueryGenParams = DEFAULT_QUERYGEN_PARAMS,
): PseudoQuery[] {
  const p = normalizeQueryGenParams(params);
  if (texts.length === 0 || p.perDoc === 0) return [];
  const pools = p.strategies.includes('keywords')
    ? keywordCandidates(texts, KEYWORD_POOL_FACTOR * p.keywordsMax)
    : [];
  const queries: PseudoQuery[] = [];
  texts.forEach((text, doc) => {
    const seen = new Set<string>();
    for (const strategy of p.strategies) {
      // One stream per (seed, doc, strategy): a document's queries do not depend on its neighbours'.
      const random = createRandom(streamSeed(p.seed, doc, STREAM[strategy]));
      const candidates =
        strategy === 'span'
          ? spanCandidates(text, p.perDoc, p.spanMin, p.spanMax, random)
          : keywordQueryCandidates(pools[doc], p.keywordsMin, p.keywordsMax, random);
      for (const query of takeDistinct(candidates, p.perDoc, seen))
        queries.push({ doc, text: query, strategy });
    }
  });
  return queries;
}

/** Up to `count` candidates not yet in `seen` (which it extends), within a bounded number of tries. */
function takeDistinct(candidates: Iterator<string>, count: number, seen: Set<string>): string[] {
  const taken: string[] = [];
  for (let tries = 0; taken.length < count && tries < count * TRIES_PER_QUERY; tries++) {
    const next = candidates.next();
    if (next.done) break;
    if (next.value.length === 0 || seen.has(next.value)) continue;
    seen.add(next.value);
    taken.push(next.value);
  }
  return taken;
}

/** murmur3's 32-bit finaliser: spreads nearby integers over the whole seed range. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function streamSeed(seed: number, doc: number, stream: number): number {
  return fmix32(fmix32(fmix32(seed >>> 0) ^ doc) ^ stream);
}
