/** How the run used the workers it had: shared each batch, or measured that one was faster. */
export function sharingWords(speed: {
  workers?: number;
  sharing?: { shared: boolean; speedup: number } | null;
  localSgdPeriod?: number;
}): string {
  const { workers = 1, sharing, localSgdPeriod } = speed;
  if (workers < 2) return '';
  if (localSgdPeriod)
    return `, on ${workers} copies of the model, one per worker, averaged every ${localSgdPeriod} batches (local SGD)`;
  if (!sharing) return `, long batches shared among ${workers} workers`;
  const times = `${sharing.speedup.toFixed(2)}×`;
  return sharing.shared
    ? `, each batch shared among ${workers} workers (measured at ${times} one worker's speed here)`
    : `, on one worker: sharing each batch among ${workers} measured ${times} its speed here, so it stopped`;
}
