/** One term the page uses: its full name and a short plain-English definition. */
export interface GlossaryEntry {
  /** the term as a heading: "MRR@10 (mean reciprocal rank)" */
  name: string;
  /** one to three sentences for a student who has never met the term */
  definition: string;
}

/**
 * Every term the page explains, in reading order (the Learn panel's glossary lists them so). One
 * source: `<Term id="…">` popovers, the Evaluate panel's metric notes and the glossary read it.
 */
export const GLOSSARY = {
  dsi: {
    name: 'DSI (Differentiable Search Index)',
    definition:
      'A way to search by generating: one sequence-to-sequence model reads a question and writes the identifier (docid) of the document that answers it (Tay et al., 2022). The whole index lives in the model’s weights, learned by training; there is no list of words to look up.',
  },
  docid: {
    name: 'Docid (document identifier)',
    definition:
      'The short name the generative model writes to point at a document, like a shelf mark in a library. Every document gets exactly one, and training teaches the model which docid goes with which text.',
  },
  'atomic-docid': {
    name: 'Atomic docid',
    definition:
      'Each document is a single token of its own in the model’s output vocabulary, so the model picks a document in one step, out of all of them at once. Nothing is shared between two documents’ identifiers; here the token shows the document’s id.',
  },
  'naive-docid': {
    name: 'Naive docid',
    definition:
      'Each document gets an arbitrary number (the numbers 0 to N−1, shuffled), written digit by digit. The numbers mean nothing: two documents with close numbers need not be alike, so the model must memorise every one.',
  },
  'semantic-docid': {
    name: 'Semantic docid',
    definition:
      'Documents are grouped into clusters of similar ones, each cluster split again, and so on; a docid is the path of cluster numbers down that tree (such as 3-1-0-7). Similar documents share the first digits, so each digit the model writes narrows the topic.',
  },
  'text-docid': {
    name: 'Text docid',
    definition:
      'A short readable text names each document: its title, or its most distinctive keywords. The model writes it word piece by word piece, so it can lean on what the words mean.',
  },
  seal: {
    name: 'SEAL (n-gram identifiers)',
    definition:
      'No identifier is given to documents: any phrase (n-gram) that occurs in a document points to it. The model writes a few short phrases for the question, a suffix array of the corpus keeps them to phrases that exist, and each document scores the phrases it contains: rare phrases the model was sure of weigh most.',
  },
  'pseudo-query': {
    name: 'Pseudo-query',
    definition:
      'A question made up automatically from a document, for instance a span of its text or a few of its keywords, and paired with that document’s docid as a training example. It lets the model practise on query-like input for documents nobody has asked about.',
  },
  'log-probability': {
    name: 'Log-probability',
    definition:
      'The logarithm of how likely the model finds a token or a whole docid; a docid’s log-probability is the sum of its tokens’ ones. It is 0 for certainty and negative otherwise: −0.1 is far likelier than −5.',
  },
  'beam-search': {
    name: 'Beam search',
    definition:
      'A way to find the likeliest docids without trying them all: the model writes docids one token at a time, and after each step only the best few unfinished ones (the beam) are kept and extended. A wider beam finds more candidates but costs more work.',
  },
  'beam-size': {
    name: 'Beam size',
    definition:
      'How many unfinished docids beam search keeps after each step. It caps how many results the generative model can return: a beam of 10 gives at most 10 documents.',
  },
  trie: {
    name: 'Trie (constrained decoding)',
    definition:
      'A prefix tree that holds every valid docid. While decoding, the model may only write a token that continues some docid in the trie, so it can never invent an identifier that names no document.',
  },
  bm25: {
    name: 'BM25',
    definition:
      'A classic keyword ranking formula with nothing to train. A document scores for each query word it contains: more for words rare in the collection and frequent in the document, with diminishing returns and a correction for long documents.',
  },
  'dense-retrieval': {
    name: 'Dense retrieval (dual encoder)',
    definition:
      'Two trained encoders turn the question and every document into vectors of numbers; the documents whose vectors point most nearly the same way as the question’s come first. It can match meaning without shared words, but keeps a vector per document as its index.',
  },
  rrf: {
    name: 'RRF (reciprocal rank fusion)',
    definition:
      'Merges several ranked lists into one: each document scores Σ weight / (k + rank) over the lists that contain it. Documents that several methods rank high rise to the top; a larger k evens out the first ranks.',
  },
  'hits-at-k': {
    name: 'Hits@k',
    definition:
      'The share of questions with at least one relevant document in the top k results. Hits@1 asks whether the first result is right; Hits@10 whether a right one is anywhere in the top ten.',
  },
  mrr: {
    name: 'MRR@10 (mean reciprocal rank)',
    definition:
      'For each question, 1 divided by the rank of the first relevant result (1, ½, ⅓, …), or 0 when none is in the top 10; then the average over all questions. It rewards putting a right answer near the top.',
  },
  ndcg: {
    name: 'nDCG@10 (normalised discounted cumulative gain)',
    definition:
      'Adds up the relevance grades of the top 10 results, each divided by log₂(rank + 1) so that lower ranks count less, then divides by the best total possible for that question. 1 means the ideal order; it uses every relevant document, not just the first.',
  },
  recall: {
    name: 'Recall@k',
    definition:
      'The share of a question’s relevant documents found in the top k results, averaged over the questions. Recall@100 asks whether a method finds the right documents at all, wherever it ranks them.',
  },
} satisfies Record<string, GlossaryEntry>;

export type TermId = keyof typeof GLOSSARY;

export const TERM_IDS = Object.keys(GLOSSARY) as TermId[];
