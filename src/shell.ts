// The first screen that index.html draws before the app's script has come: a query box a person
// can type in at once. The app takes what it holds when it first renders, and replaces it.

/** index.html's query box until the app takes it (none where the page opened on another panel) */
let box: HTMLInputElement | null =
  typeof document === 'undefined'
    ? null
    : document.querySelector<HTMLInputElement>('.app-shell #query-input');

/** A link's question (?q=), shown in the first screen's box until the app shows it. */
export function showShellQuestion(question: string): void {
  if (box && box.value === '') box.value = question;
}

/** Calls `listener` with the first screen's query text each time it changes, until the app takes it. */
export function onShellTyping(listener: (text: string) => void): void {
  const input = box;
  input?.addEventListener('input', () => {
    if (box === input) listener(input.value);
  });
}

/**
 * The text in the first screen's query box, taken once, as the app first renders (null where
 * there was no box, or it was taken already).
 */
export function takeShellQuery(): string | null {
  const text = box?.value ?? null;
  box = null;
  return text;
}
