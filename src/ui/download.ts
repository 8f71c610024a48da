/** Hand `blob` to the browser as a file named `name` (the browser's download prompt or folder). */
export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Plain text as a download. */
export const downloadText = (text: string, name: string, type = 'text/plain') =>
  download(new Blob([text], { type: `${type};charset=utf-8` }), name);

/** A file-name-safe form of `text` ("Why is Venus hot?" → "why-is-venus-hot"), or `fallback`. */
export const fileSlug = (text: string, max: number, fallback: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max) || fallback;
