import type { EntityKind } from '../../lib/entity';
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
  /** A tab of a private window: nothing about its page is recorded (README). */
  incognito?: boolean;
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
  /**
   * Injects the content script into a tab (activeTab), as the reader's own request: it runs even on
   * a site on the "off" list (see inject.ts). Rejects when the browser refuses.
   */
  injectContentScript: (tabId: number) => Promise<void>;
  /** The kinds of names the reader has marked on pages (Options), to explain a name "Show on page" cannot show. */
  markedKinds?: () => Promise<readonly EntityKind[]>;
  /** Waits between polls; tests pass an instant one. */
  sleep: (ms: number) => Promise<void>;
  /** "Run on this site" and "Stop running on this site"; the buttons are left out when absent. */
  sites?: SiteDeps;
}

/** Where Backstory runs, as the popup changes it (site-deps.ts wires the browser; tests pass fakes). */
export interface SiteDeps {
  /** Asks the browser for the site's origins; must run inside the click. Resolves to whether they were granted. */
  request: (site: string) => Promise<boolean>;
  /** Takes the site off the reader's "off" list (so the script, once injected, starts). */
  enable: (site: string) => Promise<void>;
  /** Turns Backstory off on the site, and gives back the permission of a site the reader had added. */
  disable: (site: string) => Promise<void>;
  /** True when the reader's "off" list holds the site or a parent domain of it. */
  isOff: (site: string) => Promise<boolean>;
}

/** Reads `?tab=<id>` (used by the e2e tests, which open popup.html in a normal tab). */
export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
