import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCardFromMenu, MENU_ID } from '@/entrypoints/background/context-menu';
import type { BackstoryDB } from '@/lib/db/schema';
import { freshDb } from '../db/helpers';

type Ctx = { tabId: number; windowId: number; documentUrl?: string };

let db: BackstoryDB;
let contexts: Ctx[];
beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  contexts = [];
  // The fake browser has no getContexts of its own: these are the open extension pages.
  (fakeBrowser.runtime as unknown as { getContexts: () => Promise<Ctx[]> }).getContexts = async () => contexts;
});
afterEach(() => vi.restoreAllMocks());

const place = (selectionText: string) => ({ menuItemId: `${MENU_ID}:place`, selectionText });

describe('"Create card" in the context menu', () => {
  it('opens the notebook at the new card, next to the page it came from', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const r = await createCardFromMenu(db, place(' Porton\nDown '), { id: 4, incognito: false });
    if (!r?.ok) throw new Error('no card');
    expect(r.value).toMatchObject({ name: 'Porton Down', kind: 'place' });
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ openerTabId: 4 }));
    expect(String(created.mock.calls[0]?.[0]?.url)).toMatch(new RegExp(`/notebook\\.html#card=${r.value.id}$`));
  });

  it('shows why no card was made, in the notebook', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const r = await createCardFromMenu(db, place('x'.repeat(301)), { id: 4 });
    expect(r).toMatchObject({ ok: false });
    expect(await db.cards.count()).toBe(0);
    const url = String(created.mock.calls[0]?.[0]?.url);
    expect(decodeURIComponent(url.split('#error=')[1] ?? '')).toBe(
      'Select a name of at most 300 characters to make a card of it.',
    );
  });

  it('reuses an open notebook tab (which keeps any draft: see the notebook tests)', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const updated = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    contexts = [{ tabId: 11, windowId: 2, documentUrl: `${fakeBrowser.runtime.getURL('/notebook.html')}#note=q1` }];
    const r = await createCardFromMenu(db, place('Kyiv'), { id: 4 });
    if (!r?.ok) throw new Error('no card');
    expect(created).not.toHaveBeenCalled();
    expect(updated).toHaveBeenCalledWith(11, { url: expect.stringMatching(/#card=/), active: true });
  });

  it('from a private window opens the notebook without naming the private tab as its opener', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await createCardFromMenu(db, place('Kyiv'), { id: 4, incognito: true });
    expect(created.mock.calls[0]?.[0]).not.toHaveProperty('openerTabId');
  });

  it('leaves clicks on other entries alone', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await createCardFromMenu(db, { menuItemId: 'other', selectionText: 'x' }, { id: 4 })).toBeNull();
    expect(created).not.toHaveBeenCalled();
  });
});
