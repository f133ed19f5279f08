import { describe, expect, it } from 'vitest';
import { lazyOnce } from '@/entrypoints/background/lazy-once';

describe('lazyOnce', () => {
  it('shares one load between concurrent callers', async () => {
    let calls = 0;
    const get = lazyOnce(async () => ++calls);
    expect(await Promise.all([get(), get(), get()])).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });
});
