import { DOCID_BOS, DOCID_EOS } from '../../core/docids/types';

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), one per diverse
 * beam group; plain beam search uses the first.
 */
export const GROUP_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#7F6A00',
  '#000000',
];

export const groupColour = (group: number) => GROUP_COLOURS[group % GROUP_COLOURS.length];

/** Token labels of the docid decoder: digits, then the end and start symbols. */
export function tokenLabel(token: number | null): string {
  if (token === null) return 'start';
  if (token === DOCID_EOS) return 'end';
  if (token === DOCID_BOS) return 'bos';
  return String(token);
}
