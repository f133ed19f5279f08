import type {
  BackgroundMessageType,
  BackgroundPayload,
  BackgroundReplies,
  Result,
  TabMessageType,
  TabPayload,
  TabReplies,
} from '../../lib/messaging/protocol';

/** The tab the popup is about. */
export interface PopupTab {
  id: number;
  url?: string;
  title?: string;
}

/**
 * Everything the popup needs from the outside world, injected so tests can drive every
 * state without a browser. main.tsx wires the real implementations.
 */
export interface PopupDeps {
  sendToBackground: <T extends BackgroundMessageType>(
    type: T,
    payload: BackgroundPayload<T>,
  ) => Promise<Result<BackgroundReplies[T]>>;
  sendToTab: <T extends TabMessageType>(
    tabId: number,
    type: T,
    payload: TabPayload<T>,
  ) => Promise<Result<TabReplies[T]>>;
  /** The tab to describe, or null when there is none. */
  findTab: () => Promise<PopupTab | null>;
  /** Injects the content script into a tab (activeTab); rejects when the browser refuses. */
  injectContentScript: (tabId: number) => Promise<void>;
  /** Waits between polls; tests pass an instant one. */
  sleep: (ms: number) => Promise<void>;
}

/** Reads `?tab=<id>` (used by the e2e tests, which open popup.html in a normal tab). */
export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
