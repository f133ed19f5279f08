import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectForReader, type ScriptingApi } from '../../../entrypoints/popup/inject';
import { RUN_ONCE_KEY, takeRunOnce } from '../../../entrypoints/article.content/tab-api';

afterEach(() => void takeRunOnce());

describe('popup: "Run on this page" injection', () => {
  it("marks the run as the reader's in the script's isolated world, then injects the script", async () => {
    const calls: string[] = [];
    const scripting: ScriptingApi = {
      executeScript: vi.fn(async (injection) => {
        expect(injection.target).toEqual({ tabId: 7 });
        if ('func' in injection) {
          calls.push('func');
          // As the browser does: run the function's source with its args in the tab.
          injection.func(...injection.args);
        } else calls.push(`files ${injection.files.join()}`);
      }),
    };
    await injectForReader(scripting, 7, '/content-scripts/article.js');
    expect(calls).toEqual(['func', 'files /content-scripts/article.js']);
    // The flag the article script's main() takes: set once, cleared on reading.
    expect((globalThis as Record<string, unknown>)[RUN_ONCE_KEY]).toBe(true);
    expect(takeRunOnce()).toBe(true);
    expect(takeRunOnce()).toBe(false);
  });

  it('injects nothing when the browser refuses the first step', async () => {
    const scripting: ScriptingApi = { executeScript: vi.fn(async () => Promise.reject(new Error('Cannot access'))) };
    await expect(injectForReader(scripting, 7, '/x.js')).rejects.toThrow('Cannot access');
    expect(scripting.executeScript).toHaveBeenCalledTimes(1);
  });
});
