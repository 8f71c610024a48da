import { useMemo } from 'react';
import { makeSnippet } from '../core/lexical/snippet';
import { ngramSnippet } from '../core/seal/ngramSnippet';

/**
 * Document text, always rendered as text, never as HTML. With a `query`, the window with most
 * query terms, those terms in <mark> (for term-matching methods); with `ngrams`, the words of
 * those n-grams (SEAL); with neither, the opening words and no highlight (a model that matched
 * no terms).
 */
export function Snippet({
  text,
  query = '',
  ngrams,
}: {
  text: string;
  query?: string;
  ngrams?: readonly string[];
}) {
  // a result list re-renders as the page's state changes around it; its snippets stay the same
  const parts = useMemo(
    () => (ngrams ? ngramSnippet(text, ngrams) : makeSnippet(text, query)),
    [text, query, ngrams],
  );
  return (
    <p className="snippet">
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}
