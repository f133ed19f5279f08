/**
 * The article content script. Registration (matches, runAt) is static data; all runtime work
 * happens inside main(ctx), which WXT calls once per page. The context's AbortSignal tears
 * everything down when the extension is reloaded or updated.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMatches } from '../../lib/sites/patterns';

export default defineContentScript({
  matches: articleMatches(),
  // Injected before the page is parsed: the settings are read while it parses, and an article the
  // parser is done with is marked before DOMContentLoaded (page-controller.ts); waiting for
  // document_idle cost hundreds of ms before the first mark. Client-rendered pages are looked at
  // again later.
  runAt: 'document_start',
  async main(ctx) {
    try {
      // Imported here so nothing but registration data is evaluated at build time.
      const [
        { startPage },
        { prepareMarks, unprepareMarks },
        { sendToBackground },
        { serveTab },
        { readSettings, watchSettings },
        { siteDisabled },
      ] = await Promise.all([
        import('./page-controller'),
        import('../../lib/dom/prepared-marks'),
        import('../../lib/messaging/client'),
        import('../../lib/messaging/serve'),
        import('../../lib/settings/store'),
        import('../../lib/settings/schema'),
      ]);
      // Wakes the worker (Chromium stops it after 30 s idle) so the detector and card names load
      // while the page parses: on a woken worker they took 250-400 ms after the first spot request.
      // Sent before the settings are read (20-90 ms on a loading page): the worker checks the site
      // itself, and a woken worker takes 200 ms to start.
      void sendToBackground('prepareSpotting', {});
      // Before the page's first frame, adopting the marks' stylesheets costs nothing.
      const prepared = prepareMarks(document);
      const settings = await readSettings();
      // A site the reader turned Backstory off on: no marks, no card, no listeners.
      if (siteDisabled(settings, location.hostname)) return unprepareMarks(prepared);
      const page = startPage(document, sendToBackground, ctx.signal, settings, prepared);
      ctx.onInvalidated(watchSettings((next) => page.applySettings(next)));
      const stop = serveTab(
        {
          getPageState: () => ({ ok: true, value: page.getPageState() }),
          revealEntity: ({ key }) => ({ ok: true, value: page.revealEntity(key) }),
          getArticleText: () => ({ ok: true, value: page.getArticleText() }),
          revealPassage: ({ block, start, end }) => ({ ok: true, value: page.revealPassage(block, start, end) }),
          pageCommand: ({ command }) => ({ ok: true, value: page.pageCommand(command) }),
          scanWholePage: async () => ({ ok: true, value: await page.scanWholePage() }),
        },
        (m) => console.debug(m),
      );
      ctx.onInvalidated(stop);
    } catch (error) {
      // Never surface in the page's console as an error: the reader did nothing wrong.
      console.debug('[Backstory] content script failed to start', error);
    }
  },
});
