/**
 * When a long loop should let waiting calls in (progress, cancel, a screen's list): after ~20 ms of
 * work, measured by the clock rather than by rows, so a busy machine, where rows take longer, still
 * yields as often and every call waits at most a few tens of milliseconds.
 */
export function paced(intervalMs = 20): () => boolean {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return false;
    last = now;
    return true;
  };
}
