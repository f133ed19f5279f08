/**
 * The options page's settings, wired to the browser: lib/settings/store for the values, and the
 * browser's permission prompt for a site that leaves the "off" list without one.
 */
import { browser } from 'wxt/browser';
import { readSettings, watchSettings, writeSettings } from '../../lib/settings/store';
import { isBuiltInSite, sitePatterns } from '../../lib/sites/site-access';
import type { SettingsApi } from './SettingsForm';

/**
 * A built-in site is covered by the manifest; any other site needs its origins, which "Stop running
 * on this site" gave back for a site the reader had added. The browser answers at once, without a
 * prompt, when they are still granted.
 */
export function allowSite(site: string): Promise<boolean> {
  if (isBuiltInSite(site)) return Promise.resolve(true);
  return browser.permissions.request({ origins: sitePatterns(site) });
}

/** The settings as the options page reads, writes and watches them. */
export const settingsApi: SettingsApi = {
  read: () => readSettings(),
  write: (patch) => writeSettings(patch),
  watch: watchSettings,
  allowSite,
};
