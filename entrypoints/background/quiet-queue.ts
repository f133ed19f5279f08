/**
 * Work the background worker owes but nobody waits for (a page's timeline), held back while pages
 * are still sending text. The worker has one thread: the timeline's date pass over a
 * 120,000-character batch, run right after that batch's reply, held up the NEXT batch of the same
 * page (on the 200,000-word page requests waited 265–400 ms before the worker read them). Jobs therefore
 * wait until no spot request has come in for `quietMs`, then run one per task, so a request that
 * arrives meanwhile still goes between two jobs.
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

/** Creates a queue whose jobs run after `quietMs` without a request; a failed job is passed to `onError`. */
export function createQuietQueue(quietMs: number, onError: (error: unknown) => void): QuietQueue {
  const jobs: (() => Promise<unknown>)[] = [];
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
    const job = jobs.shift();
    if (!job) return settle();
    running = true;
    try {
      await job();
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
    timer = setTimeout(runNext, quietMs);
  };

  return {
    add(job) {
      jobs.push(job);
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
