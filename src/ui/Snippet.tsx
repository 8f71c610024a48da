import { makeSnippet } from '../core/lexical/snippet';

/** Document text with query terms in <mark>; always rendered as text, never as HTML. */
export function Snippet({ text, query }: { text: string; query: string }) {
  return (
    <p className="snippet">
      {makeSnippet(text, query).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}
