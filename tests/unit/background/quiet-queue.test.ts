import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuietQueue } from '../../../entrypoints/background/quiet-queue';

describe('createQuietQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs jobs only once no request came in for the quiet time', async () => {
    const ran: string[] = [];
    const q = createQuietQueue(1000, () => undefined);
    q.add(async () => void ran.push('a'));
    await vi.advanceTimersByTimeAsync(800);
    q.busy(); // a second batch of the same page arrives
    await vi.advanceTimersByTimeAsync(800);
    expect(ran).toEqual([]);
    q.add(async () => void ran.push('b'));
    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(5);
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs a job at the latest its longest wait after it was queued, however busy the worker stays', async () => {
    const ran: string[] = [];
    const q = createQuietQueue(1000, () => undefined, 10_000);
    q.add(async () => void ran.push('other tab'));
    // A live blog sends a batch every half second, for good.
    for (let t = 0; t < 9_500; t += 500) {
      await vi.advanceTimersByTimeAsync(500);
      q.busy();
    }
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(ran).toEqual(['other tab']);
  });

  it('still runs one job at a time when spot requests keep arriving after the max wait', async () => {
    let concurrent = 0;
    let most = 0;
    const job = () => async () => {
      concurrent++;
      most = Math.max(most, concurrent);
      await new Promise((r) => setTimeout(r, 300)); // a timeline write taking 300 ms
      concurrent--;
    };
    const q = createQuietQueue(1000, () => undefined, 2000);
    q.add(job());
    q.add(job());
    q.add(job());
    // A live blog sends a batch every 100 ms, for good.
    for (let t = 0; t < 4000; t += 100) {
      await vi.advanceTimersByTimeAsync(100);
      q.busy();
    }
    expect(most).toBe(1);
  });

  it('drained() waits for a job that is still running, also with overdue jobs', async () => {
    const finished: string[] = [];
    const q = createQuietQueue(1000, () => undefined, 2000);
    q.add(async () => {
      await new Promise((r) => setTimeout(r, 500));
      finished.push('slow');
    });
    q.add(async () => {
      finished.push('fast');
    });
    // Requests every 100 ms: the slow job starts only when overdue (2 s).
    for (let t = 0; t < 2000; t += 100) {
      await vi.advanceTimersByTimeAsync(100);
      q.busy();
    }
    // The last request came while the slow job ran: the fast one (overdue too) ran beside it.
    await vi.advanceTimersByTimeAsync(1);
    let drained = false;
    void q.drained().then(() => {
      drained = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(finished).not.toContain('slow');
    expect(drained).toBe(false);
  });

  it('runs one job per task, so a request can come between two jobs', async () => {
    const ran: string[] = [];
    const q = createQuietQueue(10, () => undefined);
    q.add(async () => void ran.push('a'));
    q.add(async () => void ran.push('b'));
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual(['a', 'b']);
  });

  it('reports a failed job and still runs the rest; drained() waits for all of them', async () => {
    const errors: unknown[] = [];
    const ran: string[] = [];
    const q = createQuietQueue(5, (e) => errors.push(e));
    q.add(async () => {
      throw new Error('disk full');
    });
    q.add(async () => void ran.push('b'));
    const drained = q.drained();
    await vi.advanceTimersByTimeAsync(20);
    await drained;
    expect(ran).toEqual(['b']);
    expect(String(errors[0])).toContain('disk full');
    await expect(q.drained()).resolves.toBeUndefined();
  });
});
