import { rankLikeTrecEval } from './metrics';
import type { Qrels, Run, RunEntry } from './types';

/**
 * TREC run and qrels files, the formats trec_eval and ir_measures read.
 * Run: one line per retrieved document, `qid Q0 docid rank score tag`, whitespace-separated.
 * Qrels: `qid 0 docid grade`.
 */

/** A run tag without whitespace ("Dense (dual encoder)" → "Dense_dual_encoder"). */
export function runTag(name: string): string {
  return name.replace(/[^A-Za-z0-9.+-]+/g, '_').replace(/^_+|_+$/g, '') || 'run';
}

function checkToken(what: string, value: string): string {
  if (value === '' || /\s/.test(value))
    throw new Error(
      `${what} "${value}" cannot be written in a TREC file (empty or has whitespace)`,
    );
  return value;
}

/**
 * The run as TREC lines. Each query's documents are written in the order trec_eval ranks them
 * (score descending, ties by document id descending), so the rank column agrees with it; scores
 * are written in full precision, so reading the file back gives the same ranking.
 */
export function formatTrecRun(run: Record<string, readonly RunEntry[]>, tag: string): string {
  const t = checkToken('tag', tag);
  const lines: string[] = [];
  for (const [queryId, entries] of Object.entries(run)) {
    const q = checkToken('query id', queryId);
    const score = new Map(entries.map((e) => [e.docId, e.score]));
    rankLikeTrecEval(entries).forEach((docId, i) => {
      lines.push(`${q} Q0 ${checkToken('document id', docId)} ${i + 1} ${score.get(docId)} ${t}`);
    });
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** Read a TREC run file; every line must have six fields and a numeric score. */
export function parseTrecRun(text: string): Run {
  const run: Run = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 6)
      throw new Error(
        `line ${i + 1}: expected 6 fields (qid Q0 docid rank score tag), found ${fields.length}`,
      );
    const score = Number(fields[4]);
    if (!Number.isFinite(score))
      throw new Error(`line ${i + 1}: score "${fields[4]}" is not a number`);
    const list = run.get(fields[0]) ?? [];
    list.push({ docId: fields[2], score });
    run.set(fields[0], list);
  });
  return run;
}

/** Relevance judgments as a TREC qrels file (`qid 0 docid grade`). */
export function formatTrecQrels(qrels: Qrels): string {
  const lines: string[] = [];
  for (const [queryId, judged] of qrels)
    for (const [docId, grade] of judged)
      lines.push(
        `${checkToken('query id', queryId)} 0 ${checkToken('document id', docId)} ${grade}`,
      );
  return lines.length ? lines.join('\n') + '\n' : '';
}
