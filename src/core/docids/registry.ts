import { atomicScheme } from './atomic';
import { naiveScheme } from './naive';
import { sealScheme } from './seal';
import { semanticScheme } from './semantic';
import { textScheme } from './text';
import type { DocidAssignment, DocidInput, DocidScheme } from './types';

/** Every docid scheme by name. A new scheme (n-gram/SEAL, …) is one file and one line here. */
export const DOCID_SCHEMES = {
  atomic: atomicScheme,
  naive: naiveScheme,
  semantic: semanticScheme,
  text: textScheme,
  seal: sealScheme,
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
  const scheme = DOCID_SCHEMES[name] as DocidScheme<DocidParams<N>> | undefined;
  if (!scheme) throw new Error(`unknown docid scheme "${name}"`);
  // TypeScript cannot narrow the lookup by a generic key; N ties name and params together.
  return scheme.assign(input, { ...scheme.defaults(input.texts.length), ...params });
}
