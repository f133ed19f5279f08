/**
 * The worker's side of "Run on this site": keeps the registered content script in step with the
 * origins the reader granted. It syncs when the worker starts (registrations are not persisted) and
 * whenever a permission is granted or revoked, from the popup, the options page or the browser's
 * own extension settings.
 */
import { browser } from 'wxt/browser';
import { listAddedSites, requiredOrigins, type SiteAccessApi, syncSiteScripts } from '@/lib/sites/site-access';

/** The real browser APIs, typed to what lib/sites/site-access needs. */
export function browserSiteApi(): SiteAccessApi {
  return { permissions: browser.permissions, scripting: browser.scripting } as unknown as SiteAccessApi;
}

/** The origins this build's manifest asks for at install. */
export function manifestOrigins(): string[] {
  return requiredOrigins(browser.runtime.getManifest() as Parameters<typeof requiredOrigins>[0]);
}

/** What the worker exposes on its global as `backstorySites` (DevTools, end-to-end tests). */
export interface SiteAccessControls {
  sync(): Promise<string[]>;
  list(): Promise<string[]>;
}

/** Starts keeping the added sites' content script registered; returns the controls. */
export function startSiteAccess(api: SiteAccessApi = browserSiteApi()): SiteAccessControls {
  const required = manifestOrigins();
  const sync = () =>
    syncSiteScripts(api, required).catch((error: unknown) => {
      console.warn('[Backstory] added sites not registered:', error);
      return [];
    });
  void sync();
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  return { sync, list: () => listAddedSites(api, required) };
}
