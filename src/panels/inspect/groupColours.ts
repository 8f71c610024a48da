import { DIGIT_VOCAB, type DocidVocab } from '../../core/docids/types';

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

/**
 * A decoder token as the inspector shows it: its label (a digit, a document id, a word piece),
 * "end" (the end token: the docid is complete) or "start" (the start token, fed before the docid).
 */
export function tokenLabel(token: number | null, vocab: DocidVocab = DIGIT_VOCAB): string {
  if (token === null) return 'start';
  if (token === vocab.eos) return 'end';
  if (token === vocab.bos) return 'start';
  return (vocab.labels[token] ?? String(token)).trim();
}
