/** The collection shipped under public/corpora/, loaded at start-up. */
export const BUILTIN_CORPUS = 'genir-demo';

/** Where a checkpoint shipped with the app is served (public/models/<name>/). */
export const shippedModelUrl = (name: string) =>
  new URL(`${import.meta.env.BASE_URL}models/${name}/`, location.href).href;
