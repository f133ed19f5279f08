/**
 * "Save to Backstory" (context menu) and the `save-quote` command: read the selection from the
 * tab with scripting.executeScript (activeTab is granted by the click or the shortcut, so it
 * works on any web page, with or without the content script), save it as a quote-note linked to
 * the entities around it, and show the reader the result in the notebook: the new note opened
 * for a comment, or why nothing was saved.
 */
import { browser } from 'wxt/browser';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Note } from '@/lib/db/records';
import {
  type LinkEntities,
  type PageSelection,
  readSelection,
  saveSelection,
  selectionFromBlocks,
} from '@/lib/notebook/capture';
import { sendToTab } from '@/lib/messaging/client';
import type { Result } from '@/lib/messaging/protocol';

export interface QuoteCaptureDeps {
  db: BackstoryDB;
  linkEntities: LinkEntities;
  log?: (message: string) => void;
}

/** Text compared loosely: the menu's selectionText and a frame's selection differ in whitespace. */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The selection in `tabId`'s frame `frameId` (the top frame by default), or the menu's
 * `selectionText` when the page cannot be read or the frame's selection is not what the menu saw
 * (an older selection left in the top frame while the reader selected in an embedded one); a
 * string says why there is nothing to save.
 */
async function selectionOf(tabId: number, fallback?: string, frameId?: number): Promise<PageSelection | string> {
  let unreadable = '';
  try {
    const target = frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] };
    const [frame] = await browser.scripting.executeScript({ target, func: readSelection });
    const sel = frame?.result as PageSelection | null | undefined;
    const menuSaw = fallback ? squash(fallback) : '';
    if (sel && (!menuSaw || squash(sel.exact).includes(menuSaw.slice(0, 200)))) return sel;
  } catch (error) {
    // Pages no extension may script (the browser's own, the web store): use what the menu saw.
    unreadable = error instanceof Error ? error.message : String(error);
  }
  if (!fallback?.trim())
    return unreadable
      ? `Backstory cannot read this page (${unreadable}).`
      : 'Select some text on the page first, then save it to Backstory.';
  return selectionFromContentScript(tabId, fallback);
}

/**
 * Where scripting is refused but Backstory's content script runs, it knows the page's address
 * and article text: the selection's context comes from there. Otherwise the tab's own details.
 */
async function selectionFromContentScript(tabId: number, exact: string): Promise<PageSelection> {
  const [state, text] = await Promise.all([
    sendToTab(tabId, 'getPageState', {}, { timeoutMs: 3_000 }),
    sendToTab(tabId, 'getArticleText', {}, { timeoutMs: 3_000 }),
  ]);
  const tab = state.ok ? null : await browser.tabs.get(tabId).catch(() => null);
  const page = state.ok
    ? { url: state.value.url, title: state.value.title }
    : { url: tab?.url ?? '', title: tab?.title ?? '' };
  return selectionFromBlocks(exact, text.ok ? text.value.blocks : [], page);
}

/**
 * The notebook address of a capture's outcome: "#note=<id>" / "#card=<id>" for what was saved,
 * "#error=<why>" when nothing was.
 */
export function outcomeHash(kind: 'note' | 'card', result: Result<{ id: string }>): string {
  return result.ok ? `#${kind}=${encodeURIComponent(result.value.id)}` : `#error=${encodeURIComponent(result.error)}`;
}

/**
 * Opens the notebook at `hash` (see outcomeHash), reusing an open notebook tab. That tab only
 * changes its view when the reader has no unsaved draft there; otherwise it keeps the draft and
 * announces the capture (entrypoints/notebook/App.tsx).
 */
export async function showInNotebook(hash: string, openerTabId?: number): Promise<void> {
  const base = browser.runtime.getURL('/notebook.html');
  const url = `${base}${hash}`;
  type Ctx = { tabId: number; windowId: number; documentUrl?: string };
  const getContexts = (globalThis as { chrome?: { runtime?: { getContexts?: (f: object) => Promise<Ctx[]> } } }).chrome
    ?.runtime?.getContexts;
  const open = getContexts
    ? (await getContexts({ contextTypes: ['TAB'] }).catch(() => [] as Ctx[])).find((c) =>
        c.documentUrl?.startsWith(base),
      )
    : undefined;
  if (open && open.tabId >= 0) {
    await browser.tabs.update(open.tabId, { url, active: true });
    await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url, ...(openerTabId === undefined ? {} : { openerTabId }) });
}

/** How long the same selection saved again from the same tab counts as the same save (ms). */
const SAME_SAVE_MS = 5_000;
/** Saves under way or just done, per database, by tab and selection: a double shortcut press saves once. */
const recentSaves = new WeakMap<BackstoryDB, Map<string, Promise<Result<Note>>>>();

/**
 * Saves the selection of `tabId` as a quote-note and shows the outcome in the notebook.
 * `fallbackText` is the context menu's selectionText, `frameId` the frame it was clicked in.
 * The same selection saved again from the same tab within a few seconds (the shortcut pressed
 * twice, the menu and then the shortcut) gives the first save's note. Never throws.
 */
export async function saveQuoteFromTab(
  deps: QuoteCaptureDeps,
  tabId: number,
  fallbackText?: string,
  frameId?: number,
): Promise<Result<Note>> {
  let result: Result<Note>;
  // A private window: the reader's quote is kept (they asked for it), but not the address and title
  // of the page, which would be a record of private browsing; the notebook opens in a normal window.
  const incognito = (await browser.tabs.get(tabId).catch(() => null))?.incognito === true;
  try {
    const read = await selectionOf(tabId, fallbackText, frameId);
    const sel = typeof read === 'string' || !incognito ? read : { ...read, url: '', title: '' };
    if (typeof sel === 'string') result = { ok: false, error: sel };
    else {
      const key = JSON.stringify([tabId, sel.url, sel.exact]);
      const recent = recentSaves.get(deps.db) ?? new Map<string, Promise<Result<Note>>>();
      recentSaves.set(deps.db, recent);
      const earlier = recent.get(key);
      if (earlier) return await earlier;
      const saving = saveSelection(deps.db, sel, deps.linkEntities, deps.log);
      recent.set(key, saving);
      setTimeout(() => recent.delete(key), SAME_SAVE_MS);
      result = await saving;
      // A failed save (a full disk) is tried again at once when the reader asks again.
      if (!result.ok) recent.delete(key);
    }
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  await showInNotebook(outcomeHash('note', result), incognito ? undefined : tabId).catch((error: unknown) =>
    deps.log?.(`[Backstory] notebook not opened: ${error}`),
  );
  return result;
}
