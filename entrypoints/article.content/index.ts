/**
 * The article content script. Registration (matches, runAt) is static data; all runtime work
 * happens inside main(ctx), which WXT calls once per page. The context's AbortSignal tears
 * everything down when the extension is reloaded or updated.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMatches } from '../../lib/sites/patterns';

export default defineContentScript({
  matches: articleMatches(),
  runAt: 'document_idle',
  async main(ctx) {
    try {
      // Imported here so nothing but registration data is evaluated at build time.
      const [{ startPage }, { sendToBackground }, { serveTab }] = await Promise.all([
        import('./page-controller'),
        import('../../lib/messaging/client'),
        import('../../lib/messaging/serve'),
      ]);
      const page = startPage(document, sendToBackground, ctx.signal);
      const stop = serveTab(
        {
          getPageState: () => ({ ok: true, value: page.getPageState() }),
          revealEntity: ({ key }) => ({ ok: true, value: page.revealEntity(key) }),
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
