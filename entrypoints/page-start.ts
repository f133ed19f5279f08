/**
 * The page starter: the only script that runs on news sites by itself, at document_start (the
 * manifest lists it for the built-in sites; site-access.ts registers it for sites the reader adds).
 * It is evaluated inside the page's parse task that creates the document, so it does one thing:
 * tell the worker a page is starting. The worker (unless the reader turned Backstory off on the
 * site) injects the article content script (article.content/) into this document and loads its
 * detector meanwhile. Sending also wakes the worker (Chromium stops it after 30 s idle).
 *
 * Why two scripts: a content script the browser runs by itself is compiled and run inside that parse
 * task. The article script (about 80 KB) took 25-40 ms there, and pushed the task over the 50 ms
 * long-task line on ars-1, telegraph, webmd-1 and tmz-1, pages whose own tasks all stay under it
 * (traced, `longtask` observer). Injected, it runs in a task of its own while the page goes on parsing.
 *
 * Why an unlisted script, not a WXT content script: WXT wraps a content script in a context that
 * brings the browser API polyfill, and the match list with it; together they made this starter
 * 17 KB and 5-6 ms of CPU in the parse task (traced on bbc-1). Sending one message needs neither:
 * runtime.sendMessage returns a promise in Chromium's MV3 `chrome` and Firefox's `browser`. Nor does
 * it post WXT's "script started" message, which told the page's listeners the extension's id.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { envelope } from '../lib/messaging/envelope';

/** The part of the browser's own extension API the starter uses. */
interface StarterApi {
  runtime?: { sendMessage(message: unknown): Promise<unknown> | undefined };
}

export default defineUnlistedScript(() => {
  const scope = globalThis as { browser?: StarterApi; chrome?: StarterApi };
  // Firefox has both; its `chrome` takes callbacks, its `browser` returns promises.
  const runtime = (scope.browser ?? scope.chrome)?.runtime;
  // Nothing to do with the reply; a worker that is being updated or reloaded may not answer.
  void runtime?.sendMessage(envelope('pageStarting', {}))?.catch(() => undefined);
});
