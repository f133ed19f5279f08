/**
 * Cooperative time slicing for work done inside a news page.
 *
 * A page's main thread belongs to the reader: any task we run there must stay well under the
 * 50 ms long-task line. Work is therefore done in ~10 ms slices, yielding back to the page
 * between slices (see {@link yieldToPage}).
 */

/**
 * Default time budget of one slice, in ms. Less than a frame, and well under 50 ms, because a
 * garbage collection can land in any slice: traced on bbc-1, a young-generation collection of
 * 15-30 ms (half of it waiting for other threads on a busy 2-core machine) turned 16 ms slices
 * into 45-60 ms tasks.
 */
export const SLICE_MS = 10;

/** Thrown (as a rejection) when the work is cancelled through its AbortSignal. */
export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

type PostTask = (cb: () => void, opts: { priority: string; signal?: AbortSignal }) => Promise<unknown>;

/**
 * When one of our yields last resumed (performance.now()). The task running now began at or after
 * it, so `now - resumedAt` bounds what this task has used so far: work that follows a yield can
 * carry on in the same task while that is small, instead of yielding again and waiting behind the
 * page's queued tasks (10-40 ms each on a busy news page, per wait).
 */
let resumedAt = Number.NEGATIVE_INFINITY;

/**
 * How eagerly the next slice wants the main thread. 'user-visible' (the default) queues behind
 * nothing the page already queued at the same level; 'user-blocking' goes ahead of the page's
 * ordinary tasks (never of input or frames) and is meant for the first pass that puts the marks
 * the reader is about to see: on a news page busy with ad and analytics scripts right after
 * DOMContentLoaded, each slice otherwise waited behind whole script tasks.
 */
export type SlicePriority = 'user-blocking' | 'user-visible';

/**
 * Resolves once the page has had its turn (rejecting with AbortedError if `signal` aborts first).
 *
 * Where the browser has the Prioritized Task Scheduling API (Chromium), the next slice is posted at
 * 'user-visible' priority: every input event and frame the page has queued still goes first, but an
 * idle page does not make us wait for an idle period (requestIdleCallback only fires after the
 * next frame, often 10–50 ms later, which made a sliced scan of a small article take seconds of
 * wall time). Elsewhere, a macrotask does the same.
 */
export function yieldToPage(signal?: AbortSignal, priority: SlicePriority = 'user-visible'): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const done = (): void => {
      resumedAt = performance.now();
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(new AbortedError());
      else resolve();
    };
    const onAbort = (): void => {
      signal?.removeEventListener('abort', onAbort);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const postTask = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
    if (typeof postTask === 'function')
      postTask.call((globalThis as { scheduler?: unknown }).scheduler, done, { priority }).catch(done);
    else setTimeout(done, 0);
  });
}

/**
 * Says the code running now was entered from one of the page's own events (a DOMContentLoaded
 * listener): the task is the page's, and its other listeners may run long after ours, so the next
 * {@link yieldIfSpent} yields rather than add our work to it.
 */
export function inPageTask(): void {
  resumedAt = Number.NEGATIVE_INFINITY;
}

/**
 * Yields through {@link yieldToPage} unless the task running now began with one of our yields
 * less than `budgetMs` ago: then the work goes on in this task, which stays short.
 */
export function yieldIfSpent(
  signal?: AbortSignal,
  priority: SlicePriority = 'user-visible',
  budgetMs = SLICE_MS / 2,
): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AbortedError());
  return performance.now() - resumedAt < budgetMs ? Promise.resolve() : yieldToPage(signal, priority);
}

/** A clock for one slice: `expired()` turns true once `budgetMs` have passed since the last reset. */
export interface Slice {
  expired(): boolean;
  /** Yields to the page and starts a new slice. */
  next(): Promise<void>;
}

/**
 * Creates a slice clock; `next()` yields through {@link yieldToPage} at `priority`, read at each
 * yield when it is a function (a pass can start eager and calm down once the reader has marks).
 */
export function createSlice(
  signal?: AbortSignal,
  budgetMs = SLICE_MS,
  priority: SlicePriority | (() => SlicePriority) = 'user-visible',
): Slice {
  let start = performance.now();
  return {
    expired: () => performance.now() - start >= budgetMs,
    async next() {
      await yieldToPage(signal, typeof priority === 'function' ? priority() : priority);
      start = performance.now();
    },
  };
}

/**
 * Pulls every item of `iter` through `fn`, yielding to the page whenever a slice's budget is spent.
 * Checking the clock every few items keeps `performance.now()` itself off the profile.
 */
export async function runSliced<T>(
  iter: Iterable<T>,
  fn: (item: T) => void | boolean,
  signal?: AbortSignal,
  budgetMs = SLICE_MS,
): Promise<void> {
  if (signal?.aborted) throw new AbortedError();
  const slice = createSlice(signal, budgetMs);
  let n = 0;
  for (const item of iter) {
    if (fn(item) === false) return;
    if ((++n & 15) === 0 && slice.expired()) await slice.next();
  }
}

/** Resolves once `doc` is fully parsed (DOMContentLoaded), at once if it already is. */
export function documentParsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        inPageTask();
        resolve();
      },
      { once: true },
    ),
  );
}

/**
 * Resolves once the page has painted for the first time: at once when it already has (or is
 * hidden, where no frame comes), else after its next frame, and after `maxMs` at the latest.
 *
 * Why: reading computed style before the page's first frame makes the browser compute the style of
 * the whole document inside our task, work that frame would have done anyway. On the
 * 200,000-word page our first scan slice took 68 ms that way, a long task on the page's behalf.
 * After the first frame the style is clean and the scan's reads are cheap. Nothing is lost: marks
 * cannot be seen before the page has painted.
 */
export function afterFirstPaint(doc: Document, signal?: AbortSignal, maxMs = 250): Promise<void> {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden' || typeof view.requestAnimationFrame !== 'function')
    return Promise.resolve();
  if (hasPainted(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    // A task posted from a frame callback runs once that frame's style, layout and paint are done.
    view.requestAnimationFrame(() =>
      yieldToPage(signal, 'user-blocking')
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(timer);
          resolve();
        }),
    );
  });
}

/** True once the page has painted (a 'first-paint' entry exists); false where that is unknown. */
export function hasPainted(doc: Document): boolean {
  return (doc.defaultView?.performance?.getEntriesByType?.('paint').length ?? 0) > 0;
}
