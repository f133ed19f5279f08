/**
 * Puts the content scripts the manifest does not list into a page: the article script, into the
 * document whose page starter sent pageStarting (entrypoints/page-start.ts says why the
 * manifest lists only the starter), and the hover card's UI, into the document whose article script
 * asked for it (loadCardUi: most pages are never hovered, so the card's Preact UI is not part of
 * the script every page evaluates).
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { Sender } from '@/lib/messaging/serve';
import { ARTICLE_SCRIPT_FILE, CARD_UI_SCRIPT_FILE } from '@/lib/sites/site-access';

/**
 * Injects `file` into the sender's document at once rather than at document_idle. Chromium pins the
 * injection to that document (documentIds): a page that navigated meanwhile does not get it. Firefox
 * builds name the frame: not every Firefox we support (140 on) takes documentIds. Resolves false
 * when the sender is not a page; rejects when the page is gone.
 */
async function injectInto(sender: Sender, file: string): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  const target =
    sender.documentId && !import.meta.env.FIREFOX
      ? { tabId, documentIds: [sender.documentId] }
      : { tabId, frameIds: [sender.frameId ?? 0] };
  await browser.scripting.executeScript({
    target,
    files: [`/${file}` as ScriptPublicPath],
    injectImmediately: true,
  });
  return true;
}

/** Injects the article script into the starter's document, so it reads the article while the page parses. */
export async function injectArticle(sender: Sender): Promise<void> {
  await injectInto(sender, ARTICLE_SCRIPT_FILE);
}

/**
 * Injects the hover card's UI into the article script's document (it registers itself there, see
 * lib/dom/card-ui-slot.ts). Resolves false when the sender is not a page.
 */
export function injectCardUi(sender: Sender): Promise<boolean> {
  return injectInto(sender, CARD_UI_SCRIPT_FILE);
}
