import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, captureOfHash, entityOfHash } from '@/entrypoints/notebook/App';
import type { BackstoryDB } from '@/lib/db/schema';
import { openNotebookDb, note, T0 } from './fixtures';

let db: BackstoryDB;
beforeEach(async () => {
  db = await openNotebookDb();
});
afterEach(cleanup);

/** A quote-note with no comment yet, as a capture saves it. */
const quote = (id: string, at: number) =>
  note(id, '', '', {
    cardIds: [],
    quote: { exact: `quote ${id}`, prefix: '', suffix: '' },
    createdAt: at,
    updatedAt: at,
  });

/** What the worker's showInNotebook does to an open notebook tab: a new address. */
function arrive(hash: string) {
  history.pushState(null, '', `/notebook.html${hash}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The open note editors' text, top to bottom. */
const drafts = () => (screen.queryAllByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement[]).map((t) => t.value);

/** The quote beside the one open editor. */
const editedQuote = () =>
  screen.getByRole('textbox', { name: 'Note' }).closest('article')?.querySelector('blockquote')?.textContent;

describe('notebook: a capture while the reader is writing', () => {
  it('keeps the unsaved comment on a quote when another quote is saved, and offers the new one', async () => {
    await db.notes.put(quote('q1', T0 + 9e8));
    history.replaceState(null, '', '/notebook.html#note=q1');
    render(<App db={db} />);
    const area = await screen.findByRole('textbox', { name: 'Note' });
    fireEvent.input(area, { target: { value: 'A comment not saved yet' } });

    await db.notes.put(quote('q2', T0 + 9.5e8));
    arrive('#note=q2');

    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Quote saved\. Your unsaved note/));
    expect(drafts()).toEqual(['A comment not saved yet']);
    expect(editedQuote()).toBe('quote q1');
    // The address says what is on screen; the new quote opens in a tab of its own.
    expect(location.hash).toBe('#note=q1');
    const offer = screen.getByRole('link', { name: 'Open the new quote in a new tab' });
    expect(offer.getAttribute('href')).toBe('/notebook.html#note=q2');
    expect(offer.getAttribute('target')).toBe('_blank');

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect((await db.notes.get('q1'))?.body).toBe('A comment not saved yet'));
  });

  it('keeps a note being written in the entity view, and says why a capture failed without leaving it', async () => {
    history.replaceState(null, '', '/notebook.html#entity=nato');
    render(<App db={db} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: 'Draft on Nato' } });

    await db.notes.put(quote('q3', T0 + 9.9e8));
    arrive('#note=q3');
    await screen.findByRole('link', { name: 'Open the new quote in a new tab' });
    arrive('#error=Select%20some%20text%20first.');
    expect((await screen.findByRole('alert')).textContent).toBe('The selection was not saved: Select some text first.');
    arrive('#card=kyiv');
    await screen.findByRole('link', { name: 'Open the new card in a new tab' });

    expect(screen.getByRole('heading', { level: 2, name: 'Nato' })).toBeTruthy();
    expect(drafts()).toEqual(['Draft on Nato']);
    expect(location.hash).toBe('#entity=nato');
  });

  it("asks before the reader's own move to another view drops a draft, and stays when they say no", async () => {
    await db.notes.put(quote('q1', T0 + 9e8));
    history.replaceState(null, '', '/notebook.html#note=q1');
    render(<App db={db} />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: 'Half a thought' } });
    const ask = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', ask);
    // An entity link in a row (or Back) changes the address.
    arrive('#entity=nato');
    expect(ask).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#note=q1');
    expect(drafts()).toEqual(['Half a thought']);
    arrive('#entity=nato');
    await waitFor(() => expect(drafts()).toEqual([]));
    expect(ask).toHaveBeenCalledTimes(2);
    vi.unstubAllGlobals();
  });

  it('keeps a draft whose only change is a removed link', async () => {
    await db.notes.put({ ...quote('q1', T0 + 9e8), cardIds: ['nato'] });
    history.replaceState(null, '', '/notebook.html#note=q1');
    render(<App db={db} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove link to Nato' }));
    await db.notes.put(quote('q2', T0 + 9.5e8));
    arrive('#note=q2');
    await screen.findByRole('link', { name: 'Open the new quote in a new tab' });
    expect(editedQuote()).toBe('quote q1');
  });

  it('opens the new quote when no editor holds a change (an untouched editor, a search, a saved note)', async () => {
    await db.notes.put(quote('q1', T0 + 9e8));
    history.replaceState(null, '', '/notebook.html#note=q1');
    render(<App db={db} />);
    await screen.findByRole('textbox', { name: 'Note' });
    // Typing a search is not a draft.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes' }), { target: { value: 'quote' } });
    await db.notes.put(quote('q2', T0 + 9.5e8));
    arrive('#note=q2');
    await waitFor(() => expect(editedQuote()).toBe('quote q2'));
    expect(screen.queryByRole('link', { name: /in a new tab/ })).toBeNull();

    // A comment written, then saved: the next capture takes over again.
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Saved comment' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(drafts()).toEqual([]));
    await db.notes.put(quote('q3', T0 + 9.9e8));
    arrive('#note=q3');
    await waitFor(() => expect(editedQuote()).toBe('quote q3'));
    expect((await db.notes.get('q2'))?.body).toBe('Saved comment');
  });
});

describe('notebook: a card created from the context menu', () => {
  it('reads "#card=<id>" as a capture shown in the entity view', () => {
    expect(captureOfHash('#card=reader-1')).toEqual({ card: 'reader-1' });
    expect(entityOfHash('#card=reader-1')).toBe('reader-1');
  });

  it('opens the new card and says it was created', async () => {
    history.replaceState(null, '', '/notebook.html#card=reader-1');
    render(<App db={db} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Maria Zakharova' })).toBeTruthy();
    // The notebook's status (the card's notes panel has its own).
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Card created. Add a note to it, or leave it as it is.',
    );
  });

  it('opens a card created while the notebook shows its notes', async () => {
    render(<App db={db} />);
    await screen.findByRole('list', { name: 'Notes' });
    arrive('#card=kyiv');
    expect(await screen.findByRole('heading', { level: 2, name: 'Kyiv' })).toBeTruthy();
  });
});
