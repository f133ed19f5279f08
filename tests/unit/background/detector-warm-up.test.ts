import { describe, expect, it } from 'vitest';
import { WARM_UP_CHARS, WARM_UP_STEP_CHARS, warmUpDetector } from '@/entrypoints/background/detector-warm-up';
import type { SpotDetector } from '@/entrypoints/background/handlers';

/** Records what it was asked to spot, one entry per call. */
function recorder(): SpotDetector & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    spot(blocks) {
      calls.push(blocks);
      return { entities: [], spans: [] };
    },
    setKnownNames() {},
  };
}

const summary = (i: number) => `Summary ${i} of a card about someone in the news, `.padEnd(500, 'x');

describe('warmUpDetector', () => {
  it('spots up to WARM_UP_CHARS of the texts, in steps of about WARM_UP_STEP_CHARS, skipping empty ones', async () => {
    const detector = recorder();
    const texts = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? '' : summary(i)));
    const done = await warmUpDetector(detector, texts, () => false);
    expect(done).toBeGreaterThanOrEqual(WARM_UP_CHARS);
    expect(done).toBeLessThan(WARM_UP_CHARS + WARM_UP_STEP_CHARS);
    const sizes = detector.calls.map((c) => c.reduce((n, t) => n + t.length, 0));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(done);
    expect(sizes.every((n) => n >= WARM_UP_STEP_CHARS && n < WARM_UP_STEP_CHARS + 500)).toBe(true);
    expect(detector.calls.flat()).not.toContain('');
  });

  it('spots a short remainder too', async () => {
    const detector = recorder();
    expect(await warmUpDetector(detector, [summary(1), summary(2)], () => false)).toBe(1000);
    expect(detector.calls).toEqual([[summary(1), summary(2)]]);
  });

  it("stops before the next step once a page's request came, so that request never waits long", async () => {
    const detector = recorder();
    let pageAsked = false;
    const warming = warmUpDetector(
      detector,
      Array.from({ length: 100 }, (_, i) => summary(i)),
      () => pageAsked,
    );
    // Each step is a task of its own: the page's request lands between two of them.
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    pageAsked = true;
    const done = await warming;
    expect(detector.calls.length).toBeGreaterThan(0);
    expect(detector.calls.length).toBeLessThan(3);
    expect(done).toBe(detector.calls.length * WARM_UP_STEP_CHARS);
  });
});
