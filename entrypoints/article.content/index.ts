/**
 * The article content script. It is not in the manifest: the worker injects it into a page whose
 * starter (page-start.ts) said it is loading, and the popup injects it on a page the reader
 * asks for once (even on a site the reader turned off: see markRunOnce in tab-api.ts). All runtime
 * work happens inside main(ctx), which WXT calls once per injection. The context's AbortSignal
 * tears everything down when the extension is reloaded or updated.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { yieldToPage } from '../../lib/dom/scheduler';
import { articleMatches } from '../../lib/sites/patterns';

export default defineContentScript({
  // WXT adds these to host_permissions, which the worker's injection needs.
  matches: articleMatches(),
  // Injected at once (injectImmediately), while the page parses: the settings are read then, and an
  // article the parser is done with is marked before DOMContentLoaded (page-controller.ts); waiting
  // for document_idle cost hundreds of ms before the first mark. Client-rendered pages are looked
  // at again later.
  registration: 'runtime',
  // WXT's context would otherwise window.postMessage a "script started" notice (with the extension's
  // id) to every message listener of the page: the page would learn Backstory is installed, its
  // listeners would run, and on a traced load (or with DevTools open) the stack Chromium captured for
  // it cost 6-16 ms of this script's first task. WXT's own check for an older copy of the script
  // uses a document event instead (https://github.com/wxt-dev/wxt/pull/2035).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    try {
      // The task that evaluates this script also compiles all of it (7-10 ms of CPU, traced on tmz-1,
      // and a busy 2-core machine can stretch a task's wall time 3-4 times): nothing else is done
      // in it. The settings are asked for in the next task.
      await yieldToPage(undefined, 'user-blocking');
      // Imported here so nothing but registration data is evaluated at build time.
      const [{ readSettings, watchSettings }, { takeRunOnce }] = await Promise.all([
        import('../../lib/settings/store'),
        import('./tab-api'),
      ]);
      // Taken (and cleared) whatever the settings say, so the flag never outlives this injection.
      const askedByReader = takeRunOnce();
      // The settings are asked for first; the rest of the script's modules are set up in a task of
      // their own while the answer comes. Set up in the task that evaluates the script, they made
      // it 40-100 ms on busy pages (compiling 7-25 ms, setting up modules 7-27 ms, traced on
      // breitbart and cnet), a long task of ours in the page.
      const settingsRead = readSettings();
      void settingsRead.catch(() => undefined); // awaited below; not unhandled if an import fails first
      await yieldToPage(undefined, 'user-blocking');
      const [{ startPage }, { prepareMarks, unprepareMarks }, { sendToBackground }, { serveTab }, { siteDisabled }] =
        await Promise.all([
          import('./page-controller'),
          import('../../lib/dom/prepared-marks'),
          import('../../lib/messaging/client'),
          import('../../lib/messaging/serve'),
          import('../../lib/settings/schema'),
        ]);
      // Adopting the marks' stylesheets costs nothing before the page's first frame; prepareMarks skips
      // it when the page has already painted (an injection can land after that frame).
      const prepared = prepareMarks(document);
      const settings = await settingsRead;
      // A site the reader turned Backstory off on: no marks, no card, no listeners, unless the reader
      // pressed "Run on this page" (the popup), which means "run here this once".
      if (!askedByReader && siteDisabled(settings, location.hostname)) return unprepareMarks(prepared);
      // The reader turning this site off (the popup, the options page, another device) stops it
      // here at once: marks, card, listeners and the popup's answers go, as if it had never run.
      const running = new AbortController();
      ctx.signal.addEventListener('abort', () => running.abort(), { once: true });
      const page = startPage(document, sendToBackground, running.signal, { settings, prepared });
      ctx.onInvalidated(
        watchSettings((next) => {
          if (running.signal.aborted) return;
          if (askedByReader || !siteDisabled(next, location.hostname)) return page.applySettings(next);
          running.abort();
          unprepareMarks(prepared);
        }),
      );
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
      running.signal.addEventListener('abort', stop, { once: true });
    } catch (error) {
      // Never surface in the page's console as an error: the reader did nothing wrong.
      console.debug('[Backstory] content script failed to start', error);
    }
  },
});
