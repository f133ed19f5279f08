/**
 * Wraps an async loader so it runs at most once while it succeeds; a failed load is
 * forgotten, so the next call tries again instead of failing forever.
 */
export function lazyOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
