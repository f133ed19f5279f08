/**
 * Work the background worker owes but nobody waits for (a page's timeline), held back while pages
 * are still sending text. The worker has one thread: the timeline's date pass over a
 * 120,000-character batch, run right after that batch's reply, held up the NEXT batch of the same
 * page (on the 200,000-word page requests waited 265–400 ms before the worker read them). Jobs therefore
 * wait until no spot request has come in for `quietMs`, then run one per task, so a request that
 * arrives meanwhile still goes between two jobs. A page that never stops sending (a live blog
 * changing a paragraph every half second) does not hold every tab's jobs, and the text they keep,
 * back for good: no job waits longer than `maxWaitMs` after it was queued.
 */

/** A queue of deferred jobs; `busy()` says a request just came in (and pushes the jobs back). */
export interface QuietQueue {
  /** Queues `job` to run once the worker has been quiet for the queue's delay. */
  add(job: () => Promise<unknown>): void;
  /** A request arrived: the jobs wait another full delay. */
  busy(): void;
  /** Resolves once every job queued so far has run (tests, and readers of what the jobs write). */
  drained(): Promise<void>;
}

/**
 * Creates a queue whose jobs run after `quietMs` without a request, or `maxWaitMs` after they
 * were queued, whichever comes first; a failed job is passed to `onError`.
 */
export function createQuietQueue(
  quietMs: number,
  onError: (error: unknown) => void,
  maxWaitMs = quietMs * 10,
): QuietQueue {
  const jobs: { run: () => Promise<unknown>; due: number }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let waiters: (() => void)[] = [];

  const settle = (): void => {
    if (jobs.length > 0 || running) return;
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  };
  const runNext = async (): Promise<void> => {
    timer = undefined;
    // One job at a time: the one running queues the next when it ends.
    if (running) return;
    const job = jobs.shift();
    if (!job) return settle();
    running = true;
    try {
      await job.run();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
    // One job per task: a spot request queued meanwhile is served before the next job.
    if (jobs.length > 0 && timer === undefined) timer = setTimeout(runNext, 0);
    settle();
  };
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    const oldest = jobs[0]?.due ?? Number.POSITIVE_INFINITY;
    timer = setTimeout(runNext, Math.max(0, Math.min(quietMs, oldest - Date.now())));
  };

  return {
    add(job) {
      jobs.push({ run: job, due: Date.now() + maxWaitMs });
      arm();
    },
    busy() {
      if (jobs.length > 0) arm();
    },
    drained() {
      if (jobs.length === 0 && !running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
