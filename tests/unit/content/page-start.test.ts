// The page starter: one pageStarting message through the browser's own runtime API, and nothing
// thrown into the page's parse task when the worker cannot answer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import starter from '../../../entrypoints/page-start';

type Scope = { browser?: unknown; chrome?: unknown };
const scope = globalThis as Scope;
const saved = { browser: scope.browser, chrome: scope.chrome };

afterEach(() => {
  scope.browser = saved.browser;
  scope.chrome = saved.chrome;
});

/** Chromium's content script world: only `chrome`, whose sendMessage returns a promise. */
function chromium(sendMessage: (message: unknown) => Promise<unknown>) {
  scope.browser = undefined;
  scope.chrome = { runtime: { sendMessage: vi.fn(sendMessage) } };
  return (scope.chrome as { runtime: { sendMessage: ReturnType<typeof vi.fn> } }).runtime.sendMessage;
}

describe('the page starter', () => {
  it('tells the worker the page is starting, in the protocol envelope', () => {
    const send = chromium(async () => ({ ok: true, value: { ready: true } }));
    starter.main();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ backstory: 1, type: 'pageStarting', payload: {} });
  });

  it("uses Firefox's promise-based `browser` when there is one", () => {
    const chrome = chromium(async () => undefined);
    const send = vi.fn(async () => undefined);
    scope.browser = { runtime: { sendMessage: send } };
    starter.main();
    expect(send).toHaveBeenCalledTimes(1);
    expect(chrome).not.toHaveBeenCalled();
  });

  it('leaves no rejected promise behind when no worker answers', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      // A plain function: a vi.fn would itself attach a handler to the promise it returns.
      let sent = 0;
      const sendMessage = () => {
        sent++;
        return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      };
      scope.browser = undefined;
      scope.chrome = { runtime: { sendMessage } };
      expect(() => starter.main()).not.toThrow();
      await new Promise((done) => setTimeout(done, 10));
      expect(sent).toBe(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
