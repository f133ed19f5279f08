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
