import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../../lib/messaging/client';
import { uiCss } from '../../components/styles';
import { App } from './App';
import type { PopupDeps, PopupTab } from './deps';
import { tabIdFromQuery } from './deps';
import { siteDeps } from './site-deps';
import { ARTICLE_SCRIPT_FILE } from '../../lib/sites/site-access';
import { readSettings } from '../../lib/settings/store';
import { injectForReader, type ScriptingApi } from './inject';

/** The tab named by ?tab=<id>, else the active tab of the current window. */
async function findTab(): Promise<PopupTab | null> {
  const fromQuery = tabIdFromQuery(location.search);
  if (fromQuery !== null) {
    try {
      const tab = await browser.tabs.get(fromQuery);
      return { id: fromQuery, url: tab.url, title: tab.title, incognito: tab.incognito };
    } catch {
      return { id: fromQuery };
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url, title: tab.title, incognito: tab.incognito };
}

const CONTENT_SCRIPT = `/${ARTICLE_SCRIPT_FILE}`;
// WXT types `files` from the built paths; the narrower ScriptingApi keeps this compiling before the first build.
const scripting = browser.scripting as unknown as ScriptingApi;

const deps: PopupDeps = {
  sendToBackground,
  // A tab either answers at once or not at all; no need for the long default timeout.
  sendToTab: (tabId, type, payload) => sendToTab(tabId, type, payload, { timeoutMs: 5000 }),
  findTab,
  injectContentScript: (tabId) => injectForReader(scripting, tabId, CONTENT_SCRIPT),
  markedKinds: async () => (await readSettings()).kinds,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  sites: siteDeps,
};

const style = document.createElement('style');
style.textContent = uiCss;
document.head.append(style);

const root = document.getElementById('app');
if (root) render(<App deps={deps} />, root);
