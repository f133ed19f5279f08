/**
 * "Save to Backstory" / Alt+Shift+S pressed twice on the same selection (a double press, or the
 * menu and then the shortcut) saves one quote; a selection made in an embedded frame is the one saved.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveQuoteFromTab } from '@/entrypoints/background/quote-capture';
import { freshDb } from '../db/helpers';

const selection = {
  exact: 'closed its mission to Nato',
  prefix: 'Russia ',
  suffix: ' on Monday',
  url: 'https://news.test/russia',
  title: 'Russia closes mission',
};

afterEach(() => vi.restoreAllMocks());

describe('saving the same quote twice in a row', () => {
  it('keeps one quote-note, not two identical ones', async () => {
    const db = await freshDb();
    fakeBrowser.reset();
    const tab = await fakeBrowser.tabs.create({ url: selection.url });
    const tabId = tab.id as number;
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...tab, incognito: false } as never);
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async () => [{ frameId: 0, result: selection }]),
    };
    (fakeBrowser.runtime as unknown as { getContexts: () => Promise<unknown[]> }).getContexts = async () => [];
    const deps = { db, linkEntities: async () => [] };
    const [a, b] = await Promise.all([saveQuoteFromTab(deps, tabId), saveQuoteFromTab(deps, tabId)]);
    expect(a.ok && b.ok).toBe(true);
    expect(await db.notes.count()).toBe(1);
  });
});

describe('"Save to Backstory" on a selection in a sub-frame', () => {
  it('saves the text the reader right-clicked, not an older selection left in the top frame', async () => {
    const db = await freshDb();
    fakeBrowser.reset();
    const tab = await fakeBrowser.tabs.create({ url: selection.url });
    const tabId = tab.id as number;
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...tab, incognito: false } as never);
    // The top frame still holds the passage selected a while ago (readSelection runs there only:
    // executeScript({ target: { tabId } }) without the menu's info.frameId).
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async () => [{ frameId: 0, result: selection }]),
    };
    (fakeBrowser.runtime as unknown as { getContexts: () => Promise<unknown[]> }).getContexts = async () => [];
    // The reader selected another passage in an embedded frame and chose "Save to Backstory".
    const menuText = 'the embedded statement the reader chose';
    const r = await saveQuoteFromTab({ db, linkEntities: async () => [] }, tabId, menuText);
    if (!r.ok) throw new Error(r.error);
    expect((await db.notes.get(r.value.id))?.quote?.exact).toBe(menuText);
  });
});
