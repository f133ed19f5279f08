import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest answer of a live query, or the message of its last error. */
export interface Live<T> {
  value?: T;
  error?: string;
}

/**
 * Runs `query` as a Dexie liveQuery and re-renders with each new answer: writes from this page,
 * the popup or the background worker (Dexie tells other contexts through BroadcastChannel)
 * show up here without a reload. Re-subscribes when `deps` change.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({});
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      error: (e: unknown) => setState((s) => ({ value: s.value, error: e instanceof Error ? e.message : String(e) })),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
