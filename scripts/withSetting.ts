/**
 * `config` with one setting replaced: "data.docidScheme=\"atomic\"" or "epochs=30" (a dot path,
 * then a JSON value). Throws on a path the config does not have, so a typo is not silently ignored.
 */
export function withSetting<T extends object>(config: T, setting: string): T {
  const eq = setting.indexOf('=');
  if (eq < 0) throw new Error(`--set needs path=value, got ${setting}`);
  const path = setting.slice(0, eq).split('.');
  const raw = setting.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw; // a bare word is a string
  }
  const set = (node: Record<string, unknown>, i: number): Record<string, unknown> => {
    const key = path[i];
    if (!(key in node)) throw new Error(`${path.slice(0, i + 1).join('.')} is not a setting`);
    if (i === path.length - 1) return { ...node, [key]: value };
    return { ...node, [key]: set(node[key] as Record<string, unknown>, i + 1) };
  };
  return set(config as Record<string, unknown>, 0) as T;
}
