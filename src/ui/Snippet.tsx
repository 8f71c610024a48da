import { makeSnippet } from '../core/lexical/snippet';

/**
 * Document text, always rendered as text, never as HTML. With a `query`, the window with most
 * query terms, those terms in <mark> (for term-matching methods); without one, the opening words
 * and no highlight (for a model that matched no terms).
 */
export function Snippet({ text, query = '' }: { text: string; query?: string }) {
  return (
    <p className="snippet">
      {makeSnippet(text, query).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}
