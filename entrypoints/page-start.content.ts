/**
 * The page starter: the only script the manifest runs on news sites. It is evaluated at
 * document_start inside the page's parse task, so it does one thing: tell the worker a page is
 * starting. The worker (unless the reader turned Backstory off on the site) injects the article
 * content script (article.content/) into this document and loads its detector meanwhile.
 *
 * Why two scripts: a content script listed in the manifest is compiled and run inside the parse
 * task that creates the document. The article script (about 90 KB) took 25-40 ms there, and pushed
 * that task over the 50 ms long-task line on ars-1, telegraph, webmd-1 and tmz-1, pages whose own
 * tasks all stay under it (traced, `longtask` observer). Injected, it runs in a task of its own
 * (17-28 ms there; 20-70 ms on breitbart, the busiest page) while the page goes on parsing. This
 * starter costs 8-14 ms in the parse task, most of it the browser API polyfill.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMatches } from '../lib/sites/patterns';

export default defineContentScript({
  matches: articleMatches(),
  runAt: 'document_start',
  // WXT's context would otherwise window.postMessage a "script started" notice (with the extension's
  // id) to every message listener of the page: the page would learn Backstory is installed, its
  // listeners would run, and on a traced load (or with DevTools open) the stack Chromium captured for
  // it cost 6-16 ms of the article script's first task. WXT's own check for an older copy of the
  // script uses a document event instead (https://github.com/wxt-dev/wxt/pull/2035).
  noScriptStartedPostMessage: true,
  async main() {
    // Imported here so nothing but registration data is evaluated at build time.
    const { sendToBackground } = await import('../lib/messaging/client');
    // Also wakes the worker (Chromium stops it after 30 s idle) while the page parses.
    await sendToBackground('pageStarting', {});
  },
});
