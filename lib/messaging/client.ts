/**
 * Sending typed messages: content script / popup → background, and extension page → tab.
 * Both resolve to a Result and never throw: a missing receiver, a dropped reply or a
 * timeout becomes { ok: false, error }.
 */
import { browser } from 'wxt/browser';
import { envelope } from './envelope';
import type {
  BackgroundMessageType,
  BackgroundPayload,
  BackgroundReplies,
  Result,
  TabMessageType,
  TabPayload,
  TabReplies,
} from './protocol';

/** How long a reply may take before the caller gets an error (the first spotBlocks loads the model). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Options for a send. */
export interface SendOptions {
  timeoutMs?: number;
}

export { envelope };

/** True when `value` has the shape of a Result. */
function isResult(value: unknown): value is Result<unknown> {
  if (!value || typeof value !== 'object') return false;
  const r = value as { ok?: unknown; error?: unknown };
  return r.ok === true ? 'value' in r : r.ok === false && typeof r.error === 'string';
}

/** Races `send()` against a timeout and turns every outcome into a Result. */
async function settle<R>(
  type: string,
  where: string,
  send: () => Promise<unknown>,
  opts?: SendOptions,
): Promise<Result<R>> {
  const timeoutMs = opts?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<R>>((resolve) => {
    const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
    timer = setTimeout(
      () => resolve({ ok: false, error: `${where} did not answer "${type}" within ${limit}.` }),
      timeoutMs,
    );
  });
  const reply = (async (): Promise<Result<R>> => {
    try {
      const value = await send();
      if (isResult(value)) return value as Result<R>;
      return { ok: false, error: `${where} gave no answer to "${type}".` };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `${where} could not be reached for "${type}" (${reason}).` };
    }
  })();
  try {
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a message to the background worker and resolves to its Result.
 * @example const r = await sendToBackground('getCard', { name: 'Nato', kind: 'organization' });
 */
export function sendToBackground<T extends BackgroundMessageType>(
  type: T,
  payload: BackgroundPayload<T>,
  opts?: SendOptions,
): Promise<Result<BackgroundReplies[T]>> {
  return settle(
    type,
    "Backstory's background worker",
    () => browser.runtime.sendMessage(envelope(type, payload)),
    opts,
  );
}

/**
 * Sends a message to the content script of a tab (its top frame) and resolves to its Result.
 * A tab where the content script does not run gives { ok: false }.
 */
export function sendToTab<T extends TabMessageType>(
  tabId: number,
  type: T,
  payload: TabPayload<T>,
  opts?: SendOptions,
): Promise<Result<TabReplies[T]>> {
  return settle(type, 'The page', () => browser.tabs.sendMessage(tabId, envelope(type, payload), { frameId: 0 }), opts);
}
