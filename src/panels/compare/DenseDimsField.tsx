import { useAppStore } from '../../store/appStore';

/** Search the dense column with a Matryoshka prefix of the embeddings (when the model has them). */
export function DenseDimsField() {
  const dense = useAppStore((s) => s.dense);
  const dims = useAppStore((s) => s.denseDims);
  const setDims = useAppStore((s) => s.setDenseDims);
  const prefixes = dense?.matryoshkaDims.filter((d) => d < dense.dim) ?? [];
  if (!dense || prefixes.length === 0) return null;
  return (
    <label>
      Dense embedding size{' '}
      <select
        aria-label="Dense embedding size"
        value={dims ?? dense.dim}
        onChange={(e) => {
          const d = Number(e.target.value);
          setDims(d === dense.dim ? null : d);
        }}
      >
        <option value={dense.dim}>all {dense.dim} dimensions</option>
        {prefixes.map((d) => (
          <option key={d} value={d}>
            first {d} (Matryoshka)
          </option>
        ))}
      </select>
    </label>
  );
}
