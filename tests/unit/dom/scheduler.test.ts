import { describe, expect, it, vi } from 'vitest';
import { createSlice, inPageTask, runSliced, yieldIfSpent, yieldToPage } from '../../../lib/dom/scheduler';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* spin */
  }
}

describe('scheduler', () => {
  it('runs every item but yields to the page between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const done: number[] = [];
    await runSliced(
      Array.from({ length: 64 }, (_, i) => i),
      (i) => {
        busy(2);
        done.push(i);
      },
    );
    clearInterval(timer);
    expect(done).toHaveLength(64);
    expect(ticks).toBeGreaterThan(0); // the page got its turns while ~128 ms of work ran
  });

  it('stops early when the callback returns false', async () => {
    const seen: number[] = [];
    await runSliced([1, 2, 3, 4], (i) => (seen.push(i), i < 2));
    expect(seen).toEqual([1, 2]);
  });

  it('rejects with AbortedError once the signal aborts', async () => {
    const ctl = new AbortController();
    const p = yieldToPage(ctl.signal);
    ctl.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortedError' });
    await expect(runSliced([1, 2, 3], () => busy(1), ctl.signal)).rejects.toMatchObject({ name: 'AbortedError' });
    const later = new AbortController();
    const items = Array.from({ length: 200 }, (_, i) => i);
    const run = runSliced(
      items,
      (i) => {
        busy(1);
        if (i === 40) later.abort();
      },
      later.signal,
      5,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortedError' });
  });

  it('posts the next slice at the priority asked for (user-visible by default) where the browser has scheduler.postTask', async () => {
    const posted: string[] = [];
    const g = globalThis as { scheduler?: unknown };
    const had = Object.getOwnPropertyDescriptor(g, 'scheduler');
    Object.defineProperty(g, 'scheduler', {
      configurable: true,
      value: {
        postTask(cb: () => void, opts: { priority: string }) {
          posted.push(opts.priority);
          return new Promise<void>((done) => setTimeout(() => done(cb()), 0));
        },
      },
    });
    try {
      await yieldToPage();
      // The first pass after DOMContentLoaded asks to go ahead of the page's ordinary tasks.
      await yieldToPage(undefined, 'user-blocking');
      const slice = createSlice(undefined, 0, 'user-blocking');
      await slice.next();
      // A pass that calms down once its first marks are asked for: the priority is read at each yield.
      let firstSent = false;
      const calming = createSlice(undefined, 0, () => (firstSent ? 'user-visible' : 'user-blocking'));
      await calming.next();
      firstSent = true;
      await calming.next();
    } finally {
      if (had) Object.defineProperty(g, 'scheduler', had);
      else delete g.scheduler;
    }
    expect(posted).toEqual(['user-visible', 'user-blocking', 'user-blocking', 'user-blocking', 'user-visible']);
  });

  it('yieldIfSpent goes on in the task a yield just started, and yields once that task has used its budget', async () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let posted = 0;
    const timeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((cb: () => void, ms?: number) => {
      posted++;
      return timeout(cb, ms);
    }) as typeof setTimeout);
    await yieldToPage(); // resumes at 1000
    expect(posted).toBe(1);
    now = 1003; // 3 ms into the task that yield started: go on
    await yieldIfSpent(undefined, 'user-visible', 5);
    expect(posted).toBe(1);
    now = 1006; // its budget is spent: yield
    await yieldIfSpent(undefined, 'user-visible', 5);
    expect(posted).toBe(2);
    await yieldToPage(); // resumes at 1006
    expect(posted).toBe(3);
    // Entered from the page's own event (DOMContentLoaded): the task is the page's, so yield.
    inPageTask();
    await yieldIfSpent(undefined, 'user-visible', 5);
    expect(posted).toBe(4);
    const aborted = AbortSignal.abort();
    await expect(yieldIfSpent(aborted)).rejects.toMatchObject({ name: 'AbortedError' });
    vi.restoreAllMocks();
  });
});
