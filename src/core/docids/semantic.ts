import { createRandom, type Random } from '../random';
import { DEFAULT_KMEANS_PARAMS, kmeans, squaredDistance } from '../vectors/kmeans';
import { DEFAULT_LSA_PARAMS, lsaEmbed } from '../vectors/lsa';
import { buildTfidf, type TfidfMatrix } from '../vectors/tfidf';
import { digitCount, toDigits } from './digits';
import { DIGIT_VOCAB, docidToString, type DocidScheme } from './types';

export interface SemanticParams {
  /** Clusters per level; each level is one decoder digit, so at most 10. Default 10, range 2–10. */
  k: number;
  /**
   * Leaf size c: a cluster of at most c documents stops splitting and numbers its documents
   * 0..m-1, written with digits(c-1) digits. Default `defaultLeafSize(N, k)`, range 1–1000.
   */
  c: number;
  /** Dimensions of the LSA vectors clustered when no `vectors` are given. Default 64, range 8–256. */
  lsaDims: number;
  /** Seed of the LSA start and of every k-means++. Default 0. */
  seed: number;
}

export const DEFAULT_SEMANTIC_PARAMS: Omit<SemanticParams, 'c'> = { k: 10, lsaDims: 64, seed: 0 };

const TERMS_PER_CLUSTER = 5;

/**
 * c = round(N / k²), kept within 10–100. With k = 10 two cluster levels then reach leaves of
 * about c documents: a 156-doc corpus gets c = 10 (1–2 cluster digits + 1 leaf digit) and a
 * 5,000-doc corpus c = 50 (2–3 cluster digits + 2 leaf digits). DSI used c = 100 on NQ and TriviaQA.
 */
export function defaultLeafSize(docCount: number, k: number = DEFAULT_SEMANTIC_PARAMS.k): number {
  return Math.min(100, Math.max(10, Math.round(docCount / (k * k))));
}

/**
 * DSI's "semantically structured identifiers" (Tay et al. 2022, §3.2, Algorithm 1): hierarchical
 * k-means over document vectors; the docid is the path of cluster digits, then the document's
 * number inside its leaf cluster. Documents about the same thing share a prefix, so the decoder's
 * first digits commit to a topic before the last ones pick the document.
 */
export const semanticScheme: DocidScheme<SemanticParams> = {
  name: 'semantic',
  describe:
    'Hierarchical k-means over LSA vectors: each digit picks a cluster, the last ones a document within its leaf.',
  defaults: (docCount) => ({ ...DEFAULT_SEMANTIC_PARAMS, c: defaultLeafSize(docCount) }),
  assign(input, params) {
    const n = input.texts.length;
    const tfidf = input.tfidf ?? buildTfidf(input.texts);
    const vectors =
      input.vectors ??
      lsaEmbed(tfidf, { ...DEFAULT_LSA_PARAMS, dims: params.lsaDims, seed: params.seed });
    if (vectors.length !== n || tfidf.rows.length !== n) {
      throw new Error(
        `semantic docids: ${n} texts but ${vectors.length} vectors, ${tfidf.rows.length} TF-IDF rows`,
      );
    }
    const k = Math.min(10, Math.max(2, Math.round(params.k)));
    const c = Math.max(1, Math.round(params.c));
    const leafWidth = digitCount(c - 1);
    const random = createRandom((params.seed ^ 0x5bd1e995) >>> 0); // a stream apart from LSA's
    const labels = createClusterLabeller(tfidf);
    const docids: number[][] = new Array(n);
    const clusterTerms: Record<string, string[]> = {};

    const build = (members: number[], path: number[]) => {
      if (path.length > 0) clusterTerms[docidToString(path)] = labels(members);
      if (members.length <= c) {
        members.forEach((doc, i) => (docids[doc] = [...path, ...toDigits(i, leafWidth)]));
        return;
      }
      splitNode(members, vectors, k, random).forEach((group, digit) =>
        build(group, [...path, digit]),
      );
    };
    build(
      Array.from({ length: n }, (_, i) => i),
      [],
    );
    return { scheme: 'semantic', docids, vocab: DIGIT_VOCAB, clusterTerms, params: { ...params } };
  },
};

/**
 * The members of one node split into 2..k non-empty groups, each strictly smaller than the node,
 * so the recursion always ends. k-means groups them; when the vectors cannot be told apart (all
 * identical, e.g. duplicate or empty documents) or k-means leaves one group, split by index order.
 */
function splitNode(
  members: number[],
  vectors: readonly Float32Array[],
  k: number,
  random: Random,
): number[][] {
  const points = members.map((i) => vectors[i]);
  if (points.every((p) => squaredDistance(p, points[0]) === 0)) return splitByOrder(members, k);
  const seed = Math.floor(random() * 2 ** 32);
  const { assignments, centroids } = kmeans(points, k, { ...DEFAULT_KMEANS_PARAMS, seed });
  const groups: number[][] = centroids.map(() => []);
  assignments.forEach((g, j) => groups[g].push(members[j]));
  const nonEmpty = groups.filter((g) => g.length > 0);
  return nonEmpty.length >= 2 ? nonEmpty : splitByOrder(members, k);
}

function splitByOrder(members: number[], k: number): number[][] {
  const parts = Math.min(k, members.length);
  return Array.from({ length: parts }, (_, p) =>
    members.slice(
      Math.floor((p * members.length) / parts),
      Math.floor(((p + 1) * members.length) / parts),
    ),
  );
}

/** Top TF-IDF terms of a cluster's centroid (the mean row; ranking by the sum is the same). */
function createClusterLabeller(tfidf: TfidfMatrix): (members: number[]) => string[] {
  const sums = new Float64Array(tfidf.terms.length);
  return (members) => {
    const touched: number[] = [];
    for (const doc of members) {
      const { indices, values } = tfidf.rows[doc];
      for (let p = 0; p < indices.length; p++) {
        if (sums[indices[p]] === 0) touched.push(indices[p]);
        sums[indices[p]] += values[p];
      }
    }
    const top = touched
      .sort((a, b) => sums[b] - sums[a] || a - b)
      .slice(0, TERMS_PER_CLUSTER)
      .map((t) => tfidf.terms[t]);
    for (const t of touched) sums[t] = 0;
    return top;
  };
}
