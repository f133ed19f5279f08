/** Turns IndexedDB/Dexie failures into sentences a reader can act on. */

/** The DOMException/Dexie error name of `error`, looking through Dexie's `inner` wrapper. */
function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; inner?: unknown };
    if (e.name === 'QuotaExceededError') return e.name;
    if (e.inner) {
      const inner = errorName(e.inner);
      if (inner) return inner;
    }
    if (typeof e.name === 'string') return e.name;
  }
  return '';
}

/**
 * A clear message for a failed database write: `what` names the thing that was not saved
 * ("The note") and `failed` what did not happen. Storage-full gets its own advice; anything else keeps the browser's reason.
 */
export function describeWriteError(what: string, error: unknown, failed = 'was not saved'): string {
  const name = errorName(error);
  if (name === 'QuotaExceededError')
    return `${what} ${failed}: the browser's storage for Backstory is full. Free some disk space and try again; nothing already saved was lost.`;
  const reason = error instanceof Error && error.message ? error.message : name || String(error);
  return `${what} ${failed} because the database refused the write (${reason}). Nothing already saved was lost.`;
}

/** Returns `value` as an ok Result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Returns an error Result with `error` as the message. */
export function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
