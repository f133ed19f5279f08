import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest answer of a live query (undefined until the first), or its last error message. */
export interface LiveAnswer<T> {
  value?: T;
  error?: string;
}

/**
 * Runs `query` as a Dexie liveQuery: writes from any extension context (the background worker
 * recording mentions as the reader browses) re-run it and re-render. Re-subscribes when `deps`
 * change. Shared by the notebook page and the components it shows.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveAnswer<T> {
  const [state, setState] = useState<LiveAnswer<T>>({});
  useEffect(() => {
    setState({}); // another entity or page: never show the previous one's answer meanwhile
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      error: (e: unknown) => setState((s) => ({ value: s.value, error: e instanceof Error ? e.message : String(e) })),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
