/**
 * The browser side of the popup's site buttons. The permission prompt is asked for from the popup
 * itself (it must run inside the reader's click); the worker notices the new grant
 * (permissions.onAdded) and registers the content script for the site from then on.
 */
import { browser } from 'wxt/browser';
import { siteDisabled } from '../../lib/settings/schema';
import { readSettings, writeSettings } from '../../lib/settings/store';
import { enableIn, isBuiltInSite, removeSite, type SiteAccessApi, sitePatterns } from '../../lib/sites/site-access';
import type { SiteDeps } from './deps';

export const siteDeps: SiteDeps = {
  request: (site) => browser.permissions.request({ origins: sitePatterns(site) }),
  async enable(site) {
    const { disabledSites } = await readSettings();
    const next = enableIn(disabledSites, site);
    if (next.length !== disabledSites.length) await writeSettings({ disabledSites: next });
  },
  async disable(site) {
    const { disabledSites } = await readSettings();
    if (!disabledSites.includes(site)) await writeSettings({ disabledSites: [...disabledSites, site] });
    // Least privilege: a site the reader added gives its permission back; built-in sites keep theirs.
    if (!isBuiltInSite(site)) await removeSite(browser as unknown as SiteAccessApi, site).catch(() => false);
  },
  isOff: async (site) => siteDisabled(await readSettings(), site),
};
