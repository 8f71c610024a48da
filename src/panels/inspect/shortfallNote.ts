import type { ResultShortfall } from '../../core/decode/resultShortfall';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Why fewer results are shown than were asked for, in words: which groups (numbered from 1, as in
 * the page) ended the same docids, and how many distinct results that leaves. `docid` writes a
 * sequence as the page shows it; `shown` is the number of results listed.
 */
export function shortfallNote(
  shortfall: ResultShortfall,
  shown: number,
  docid: (tokens: readonly number[]) => string,
): string {
  const reasons = shortfall.repeats.map(({ group, earlier, sequences }) => {
    const list = sequences.map(docid).join(', ');
    return `group ${group + 1} ended with the same ${plural(sequences.length, 'docid', 'docids')} as group ${earlier + 1} (${list})`;
  });
  const why =
    reasons.length > 0
      ? `${reasons.join('; ')}, and each docid is listed once`
      : `the search ended only ${shortfall.distinct} different ${plural(shortfall.distinct, 'docid', 'docids')}`;
  return `Asked for ${shortfall.asked} results; ${why}, so ${shown} distinct ${plural(shown, 'result is', 'results are')} shown.`;
}
