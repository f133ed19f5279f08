import { render } from 'preact';
import { notebookCss } from '../../components/notebook-styles';
import { uiCss } from '../../components/styles';
import { openBackstoryDB } from '../../lib/db/schema';
import { App } from './App';
import type { OptionsDeps } from './deps';
import { settingsCss } from './SettingsForm';
import { settingsApi } from './settings-api';
import { browser } from 'wxt/browser';
import { deleteEverything } from '../../lib/settings/delete-everything';
import { installShippedStarterCards } from '../background/starter-loader';
import {
  listAddedSites,
  removeAllAddedSites,
  removeSite,
  requiredOrigins,
  type SiteAccessApi,
  sitePatterns,
} from '../../lib/sites/site-access';
import type { AddedSitesApi } from './AddedSites';
import { deleteDialogCss } from './DeleteEverything';
import { siteDeps } from '../popup/site-deps';

const siteApi = browser as unknown as SiteAccessApi;
const required = requiredOrigins(browser.runtime.getManifest() as Parameters<typeof requiredOrigins>[0]);
/** Added sites are the granted optional origins; the worker registers the content script for them. */
const sites: AddedSitesApi = {
  list: () => listAddedSites(siteApi, required),
  // Adding a site the reader had turned off also takes it off the "off" list (as the popup does),
  // or the newly registered script would stop at once on that list.
  add: async (site) => {
    const granted = await browser.permissions.request({ origins: sitePatterns(site) });
    if (granted) await siteDeps.enable(site);
    return granted;
  },
  remove: async (site) => void (await removeSite(siteApi, site)),
  watch(onChange) {
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  },
};

/** Saves a blob through a temporary download link (no "downloads" permission needed). */
function download(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const style = document.createElement('style');
style.textContent = uiCss + notebookCss + settingsCss + deleteDialogCss;
document.head.append(style);

const root = document.getElementById('app');
if (root) {
  openBackstoryDB()
    .then((db) => {
      const deps: OptionsDeps = {
        db,
        storage: navigator.storage,
        download,
        now: () => new Date(),
        settings: settingsApi,
        sites,
        deleteEverything: async () => {
          const { starterCards } = await deleteEverything({
            db,
            local: browser.storage.local,
            sync: browser.storage.sync,
            removeAddedSites: () => removeAllAddedSites(siteApi, required),
            installStarter: installShippedStarterCards,
          });
          return `Everything was deleted. ${starterCards.toLocaleString('en')} starter cards were installed again.`;
        },
      };
      render(<App deps={deps} />, root);
    })
    .catch((error: unknown) => {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = `Backstory could not open your notebook: ${error instanceof Error ? error.message : String(error)}`;
      root.append(p);
    });
}
