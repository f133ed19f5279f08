import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveQuoteFromTab } from '@/entrypoints/background/quote-capture';
import { card, freshDb } from '../db/helpers';

const selection = {
  exact: 'closed its mission to Nato',
  prefix: 'Russia ',
  suffix: ' on Monday',
  url: 'https://news.test/russia',
  title: 'Russia closes mission',
};

/** A tab whose page answers executeScript with `selection`; tabs.create is recorded. */
async function tabWithSelection(incognito: boolean) {
  fakeBrowser.reset();
  const tab = await fakeBrowser.tabs.create({ url: selection.url });
  const tabId = tab.id as number;
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...tab, incognito } as never);
  (fakeBrowser as unknown as { scripting: object }).scripting = {
    executeScript: vi.fn(async () => [{ frameId: 0, result: selection }]),
  };
  // No notebook tab open yet (the fake browser has no getContexts of its own).
  (fakeBrowser.runtime as unknown as { getContexts: () => Promise<unknown[]> }).getContexts = async () => [];
  const created = vi.spyOn(fakeBrowser.tabs, 'create');
  return { tabId, created };
}

afterEach(() => vi.restoreAllMocks());

describe('saving the selection of a tab as a quote', () => {
  it('keeps the quote, its context, the page and the linked cards, and opens it in the notebook', async () => {
    const db = await freshDb();
    await db.cards.add(card('nato', 'Nato', 'organization'));
    const { tabId, created } = await tabWithSelection(false);
    const r = await saveQuoteFromTab({ db, linkEntities: async () => ['nato'] }, tabId);
    if (!r.ok) throw new Error(r.error);
    expect(await db.notes.get(r.value.id)).toMatchObject({
      quote: { exact: selection.exact, prefix: 'Russia ', suffix: ' on Monday' },
      page: { url: selection.url, title: selection.title },
      cardIds: ['nato'],
    });
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ openerTabId: tabId }));
    expect(String(created.mock.calls[0]?.[0]?.url)).toContain(`#note=${r.value.id}`);
  });

  it('in a private window keeps the quote but records neither the page nor the opener tab', async () => {
    const db = await freshDb();
    const { tabId, created } = await tabWithSelection(true);
    const r = await saveQuoteFromTab({ db, linkEntities: async () => [] }, tabId);
    if (!r.ok) throw new Error(r.error);
    const note = await db.notes.get(r.value.id);
    expect(note?.quote?.exact).toBe(selection.exact);
    expect(note?.page).toBeUndefined();
    expect(created.mock.calls[0]?.[0]).not.toHaveProperty('openerTabId');
  });

  it('saves the same selection once when asked twice in a row (a double press, or the menu then the shortcut)', async () => {
    const db = await freshDb();
    const { tabId, created } = await tabWithSelection(false);
    const deps = { db, linkEntities: async () => [] };
    const [a, b] = await Promise.all([saveQuoteFromTab(deps, tabId), saveQuoteFromTab(deps, tabId)]);
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
    expect(await db.notes.count()).toBe(1);
    expect(created).toHaveBeenCalledOnce();
  });

  it('saves the text the menu was opened on, not an older selection left in the top frame', async () => {
    const db = await freshDb();
    // The top frame still holds the passage selected a while ago; the reader selected another
    // passage in an embedded frame and chose "Save to Backstory".
    const { tabId } = await tabWithSelection(false);
    const menuText = 'the embedded statement the reader chose';
    const r = await saveQuoteFromTab({ db, linkEntities: async () => [] }, tabId, menuText);
    if (!r.ok) throw new Error(r.error);
    expect((await db.notes.get(r.value.id))?.quote?.exact).toBe(menuText);
  });
});
