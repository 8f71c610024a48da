import { naiveScheme } from './naive';
import { semanticScheme } from './semantic';
import type { DocidAssignment, DocidInput, DocidScheme } from './types';

/** Every docid scheme by name. A new scheme (atomic, n-gram/SEAL, …) is one file and one line here. */
export const DOCID_SCHEMES = {
  naive: naiveScheme,
  semantic: semanticScheme,
} satisfies Record<string, DocidScheme<unknown>>;

export type DocidSchemeName = keyof typeof DOCID_SCHEMES;

/** The params type of the scheme called `N`. */
export type DocidParams<N extends DocidSchemeName> = ReturnType<
  (typeof DOCID_SCHEMES)[N]['defaults']
>;

/** Assign docids with scheme `name`: its defaults for this corpus size, overridden by `params`. */
export function assignDocids<N extends DocidSchemeName>(
  name: N,
  input: DocidInput,
  params: Partial<DocidParams<N>> = {},
): DocidAssignment {
  // TypeScript cannot narrow the lookup by a generic key; N ties name and params together.
  const scheme = DOCID_SCHEMES[name] as DocidScheme<DocidParams<N>>;
  return scheme.assign(input, { ...scheme.defaults(input.texts.length), ...params });
}
