/** The collection shipped under public/corpora/, loaded at start-up. */
export const BUILTIN_CORPUS = 'genir-demo';

/** The app's own address, under which public/ is served (corpora/, models/). */
export const appBaseUrl = () => new URL(import.meta.env.BASE_URL, location.href).href;

/** Where a checkpoint shipped with the app is served (public/models/<name>/). */
export const shippedModelUrl = (name: string) => `${appBaseUrl()}models/${name}/`;
