import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, hasPainted } from '../../../lib/dom/scheduler';

afterEach(() => vi.restoreAllMocks());

/** Makes performance say whether the page has painted. */
function painted(yes: boolean): void {
  vi.spyOn(performance, 'getEntriesByType').mockImplementation((type: string) =>
    type === 'paint' && yes ? ([{ name: 'first-paint' }] as unknown as PerformanceEntryList) : [],
  );
}

describe('afterFirstPaint', () => {
  it('resolves at once on a page that has painted', async () => {
    painted(true);
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    expect(hasPainted(document)).toBe(true);
    await afterFirstPaint(document);
    expect(frame).not.toHaveBeenCalled();
  });

  it('waits for the next frame on a page that has not painted yet', async () => {
    painted(false);
    let frame: FrameRequestCallback | undefined;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      frame = cb;
      return 1;
    });
    let done = false;
    const waiting = afterFirstPaint(document, undefined, 10_000).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    frame?.(performance.now());
    await waiting;
    expect(done).toBe(true);
  });

  it('gives up waiting after maxMs when no frame comes (a tab the browser does not render)', async () => {
    painted(false);
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    const start = performance.now();
    await afterFirstPaint(document, undefined, 30);
    expect(performance.now() - start).toBeGreaterThanOrEqual(25);
  });
});
