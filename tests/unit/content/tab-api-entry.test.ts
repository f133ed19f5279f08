/**
 * The article script's main() (entrypoints/article.content/index.ts) as the popup and the worker
 * inject it: the "off" list and the popup's one-shot "Run on this page".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markRunOnce, RUN_ONCE_KEY, takeRunOnce } from '../../../entrypoints/article.content/tab-api';
import { writeSettings } from '../../../lib/settings/store';

type Handlers = Record<string, (payload: unknown) => unknown>;
const served = vi.hoisted(() => ({ handlers: null as Handlers | null, stopped: 0 }));

vi.mock('../../../lib/messaging/serve', async (orig) => ({
  ...(await orig<object>()),
  serveTab: vi.fn((handlers: Handlers) => {
    served.handlers = handlers;
    return () => void served.stopped++;
  }),
}));

// A page without an article.
const started = vi.hoisted(() => ({ signal: null as AbortSignal | null, applied: 0 }));
vi.mock('../../../entrypoints/article.content/page-controller', () => ({
  startPage: vi.fn((_doc: Document, _send: unknown, signal: AbortSignal) => {
    started.signal = signal;
    return {
      done: Promise.resolve(),
      applySettings: () => void started.applied++,
      getPageState: () => ({ noArticle: true, url: 'http://localhost/', title: 'Home' }),
    };
  }),
}));

/** Runs the script's main() as one injection does. */
async function runScript() {
  const script = (await import('../../../entrypoints/article.content/index')).default as unknown as {
    main(ctx: { signal: AbortSignal; onInvalidated(fn: () => void): void }): Promise<void>;
  };
  await script.main({ signal: new AbortController().signal, onInvalidated: () => {} });
}

afterEach(() => {
  served.handlers = null;
  served.stopped = 0;
  started.signal = null;
  started.applied = 0;
  takeRunOnce();
  fakeBrowser.reset();
});

describe('article script on a site the reader turned off', () => {
  it('stays silent when the worker injects it', async () => {
    await writeSettings({ disabledSites: [location.hostname] });
    await runScript();
    expect(served.handlers).toBeNull();
  });

  it('runs once when the reader pressed "Run on this page", and clears the mark', async () => {
    await writeSettings({ disabledSites: [location.hostname] });
    markRunOnce(RUN_ONCE_KEY); // what the popup's first executeScript does
    await runScript();
    expect(served.handlers).not.toBeNull();
    expect((globalThis as Record<string, unknown>)[RUN_ONCE_KEY]).toBeUndefined();
    // A later injection by the worker on the same page respects the list again.
    served.handlers = null;
    await runScript();
    expect(served.handlers).toBeNull();
  });

  it('stops at once when the reader turns the site off while the page is open', async () => {
    await runScript();
    const signal = started.signal!;
    // Another setting (each write reaches the page once per storage area it is kept in).
    await writeSettings({ markStyle: 'background' });
    await vi.waitFor(() => expect(started.applied).toBeGreaterThan(0));
    expect(signal.aborted).toBe(false);
    await writeSettings({ disabledSites: [location.hostname] });
    await vi.waitFor(() => expect(signal.aborted).toBe(true));
    // The popup then meets the page as one loaded with the site off: no content script answering.
    expect(served.stopped).toBe(1);
    const applied = started.applied;
    // Turned on again: this page stays as it is now (a reload, or "Run on this page", starts it).
    await writeSettings({ disabledSites: [] });
    await new Promise((r) => setTimeout(r, 20));
    expect(started.applied).toBe(applied);
  });

  it('keeps running after "Run on this page" when the site is turned off again', async () => {
    markRunOnce(RUN_ONCE_KEY);
    await runScript();
    await writeSettings({ disabledSites: [location.hostname] });
    await vi.waitFor(() => expect(started.applied).toBeGreaterThan(0));
    expect(started.signal!.aborted).toBe(false);
  });
});
