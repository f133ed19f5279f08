/**
 * The article script's main() (entrypoints/article.content/index.ts) as the popup and the worker
 * inject it: the "off" list and the popup's one-shot "Run on this page".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markRunOnce, RUN_ONCE_KEY, takeRunOnce } from '../../../entrypoints/article.content/tab-api';
import { writeSettings } from '../../../lib/settings/store';

type Handlers = Record<string, (payload: unknown) => unknown>;
const served = vi.hoisted(() => ({ handlers: null as Handlers | null }));

vi.mock('../../../lib/messaging/serve', async (orig) => ({
  ...(await orig<object>()),
  serveTab: vi.fn((handlers: Handlers) => {
    served.handlers = handlers;
    return () => {};
  }),
}));

// A page without an article.
vi.mock('../../../entrypoints/article.content/page-controller', () => ({
  startPage: vi.fn(() => ({
    done: Promise.resolve(),
    applySettings: () => {},
    getPageState: () => ({ noArticle: true, url: 'http://localhost/', title: 'Home' }),
  })),
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
});
