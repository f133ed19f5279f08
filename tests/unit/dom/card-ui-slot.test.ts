import { describe, expect, it, vi } from 'vitest';
import { type CardUi, createCardUiLoader, offerCardUi } from '../../../lib/dom/card-ui-slot';
import type { Result } from '../../../lib/messaging/protocol';

const UI: CardUi = { css: '.card{}', render: () => undefined, unmount: () => undefined };

/** A worker that "injects" the UI script: the script hands the UI over in the same world, then the reply comes. */
function injectingWorker(scope: Record<string, unknown>) {
  return vi.fn(async (): Promise<Result<unknown>> => {
    offerCardUi(UI, scope);
    return { ok: true, value: { injected: true } };
  });
}

describe('card UI slot', () => {
  it('loads the UI once: the first call asks the worker, later calls share the hand-over', async () => {
    const scope: Record<string, unknown> = {};
    const request = injectingWorker(scope);
    const load = createCardUiLoader(request, scope);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(UI);
    expect(b).toBe(UI);
    expect(await load()).toBe(UI);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('is not handed over where no article script waits for it', () => {
    expect(offerCardUi(UI, {})).toBe(false);
  });

  it("rejects with the worker's reason, and asks again on the next call", async () => {
    const scope: Record<string, unknown> = {};
    const request = vi
      .fn<() => Promise<Result<unknown>>>()
      .mockResolvedValueOnce({ ok: false, error: 'The hover card could not be loaded: Frame with ID 0 was removed.' })
      .mockImplementation(injectingWorker(scope));
    const load = createCardUiLoader(request, scope);
    await expect(load()).rejects.toThrow('Frame with ID 0 was removed');
    expect(await load()).toBe(UI);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('waits a little for a hand-over after the worker says the script ran, then gives up', async () => {
    vi.useFakeTimers();
    try {
      const scope: Record<string, unknown> = {};
      const load = createCardUiLoader(async () => ({ ok: true, value: { injected: true } }), scope);
      const late = load();
      await vi.advanceTimersByTimeAsync(10);
      offerCardUi(UI, scope); // the script's own imports finished after the reply
      expect(await late).toBe(UI);

      const never = createCardUiLoader(async () => ({ ok: true, value: { injected: true } }), {})();
      const failed = expect(never).rejects.toThrow('The hover card did not start.');
      await vi.advanceTimersByTimeAsync(1000);
      await failed;
    } finally {
      vi.useRealTimers();
    }
  });
});
