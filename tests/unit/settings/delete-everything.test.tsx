import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeleteEverything } from '@/entrypoints/options/DeleteEverything';
import { recordMentions } from '@/lib/db/mentions';
import { installStarterCards } from '@/lib/db/starter';
import { deleteEverything } from '@/lib/settings/delete-everything';
import { readSettings, writeSettings } from '@/lib/settings/store';
import { freshDb } from '../db/helpers';
import { fillNotebook } from '../notebook/fixtures';

afterEach(cleanup);

const shipped: unknown[] = JSON.parse(readFileSync(path.resolve('public/starter-cards.json'), 'utf8'));

describe('delete everything', () => {
  it('empties every table and both storage areas, then reinstalls the starter cards; look-ups turned off stay off', async () => {
    fakeBrowser.reset();
    const db = await freshDb();
    await installStarterCards(db, shipped);
    await fillNotebook(db); // reader card, edited starter card, notes
    await recordMentions(db, [{ cardId: 'nato', url: 'https://bbc.co.uk/a', title: 'A', sentence: 'Nato met.' }]);
    await writeSettings({ lookups: false, hoverDelayMs: 900, disabledSites: ['bbc.co.uk'] });
    await fakeBrowser.storage.local.set({ lookupBaseUrl: 'http://127.0.0.1:9/' });
    expect(await db.notes.count()).toBeGreaterThan(0);
    expect(await db.pageMentions.count()).toBeGreaterThan(0);

    let sitesGivenBack = 0;
    const { starterCards } = await deleteEverything({
      db,
      local: fakeBrowser.storage.local,
      sync: fakeBrowser.storage.sync,
      removeAddedSites: async () => sitesGivenBack++,
      installStarter: (d) => installStarterCards(d, shipped),
    });
    expect(sitesGivenBack).toBe(1);

    expect(starterCards).toBe(shipped.length);
    expect(await db.cards.count()).toBe(shipped.length);
    expect(await db.cards.get('reader-1')).toBeUndefined();
    expect((await db.cards.toArray()).some((c) => c.source === 'reader')).toBe(false);
    expect((await db.cards.toArray()).some((c) => c.edited)).toBe(false);
    expect(await db.notes.count()).toBe(0);
    expect(await db.pageMentions.count()).toBe(0);
    expect(await db.lookups.count()).toBe(0);
    const local = await fakeBrowser.storage.local.get(null);
    expect(local.lookupBaseUrl).toBeUndefined();
    expect(local.lookups).toBe(false);
    const settings = await readSettings();
    expect([settings.lookups, settings.hoverDelayMs, settings.disabledSites]).toEqual([false, 300, []]);
  });

  it('with look-ups on, leaves every setting at its default', async () => {
    fakeBrowser.reset();
    const db = await freshDb();
    await writeSettings({ hoverDelayMs: 900 });
    await deleteEverything({
      db,
      local: fakeBrowser.storage.local,
      sync: fakeBrowser.storage.sync,
      installStarter: (d) => installStarterCards(d, shipped),
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const settings = await readSettings();
    expect([settings.lookups, settings.hoverDelayMs]).toEqual([true, 300]);
  });
});

describe('delete everything: the confirmation dialog', () => {
  it('opens a dialog with focus on Cancel; Escape closes it, deletes nothing and returns focus', async () => {
    const onDelete = vi.fn(async () => 'Everything was deleted.');
    render(<DeleteEverything onDelete={onDelete} />);
    const opener = screen.getByRole('button', { name: 'Delete everything…' });
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Delete everything?' });
    expect(dialog.getAttribute('aria-describedby')).toBe('opt-del-desc');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('deletes on confirmation and says what happened; a failure is an alert and the dialog stays', async () => {
    const onDelete = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('quota'))
      .mockResolvedValueOnce('Everything was deleted. 3 starter cards were installed again.');
    render(<DeleteEverything onDelete={onDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Deleting did not finish: quota/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/3 starter cards/));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
