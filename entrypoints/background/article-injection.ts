/**
 * Puts the article content script into the document whose page starter sent pageStarting
 * (entrypoints/page-start.content.ts says why the manifest lists only the starter).
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { Sender } from '@/lib/messaging/serve';
import { ARTICLE_SCRIPT_FILE } from '@/lib/sites/site-access';

/**
 * Injects the article script into the sender's document, at once rather than at document_idle, so
 * it reads the article while the page parses. Chromium pins the injection to that document
 * (documentIds): a page that navigated meanwhile has its own starter and does not get a second
 * copy. Firefox builds name the frame: not every Firefox we support (140 on) takes documentIds.
 * Rejects when the page is gone.
 */
export async function injectArticle(sender: Sender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const target =
    sender.documentId && !import.meta.env.FIREFOX
      ? { tabId, documentIds: [sender.documentId] }
      : { tabId, frameIds: [sender.frameId ?? 0] };
  await browser.scripting.executeScript({
    target,
    files: [`/${ARTICLE_SCRIPT_FILE}` as ScriptPublicPath],
    injectImmediately: true,
  });
}
