/**
 * "Run on this page": how the popup injects the article script into its tab (activeTab). Kept apart
 * from main.tsx, which renders on import, so tests can drive it with a fake `scripting`.
 */
import { markRunOnce, RUN_ONCE_KEY } from '../article.content/tab-api';

/** The part of browser.scripting the injection uses. */
export interface ScriptingApi {
  executeScript(
    injection: { target: { tabId: number } } & ({ func: (key: string) => void; args: [string] } | { files: string[] }),
  ): Promise<unknown>;
}

/**
 * Marks the injection as the reader's own (markRunOnce, in the isolated world the article script
 * shares), then injects `file`. The mark lets the script run once on a site the reader turned off;
 * the worker's own injections carry none, so they keep respecting the "off" list.
 */
export async function injectForReader(scripting: ScriptingApi, tabId: number, file: string): Promise<void> {
  await scripting.executeScript({ target: { tabId }, func: markRunOnce, args: [RUN_ONCE_KEY] });
  await scripting.executeScript({ target: { tabId }, files: [file] });
}
