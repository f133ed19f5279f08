import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, captureOfHash } from '@/entrypoints/notebook/App';
import { noteWriteError, saveNote } from '@/lib/db/notes';
import type { BackstoryDB } from '@/lib/db/schema';
import { openNotebookDb, note, T0 } from './fixtures';

let db: BackstoryDB;
beforeEach(async () => {
  db = await openNotebookDb();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function open() {
  render(<App db={db} />);
  await screen.findByRole('list', { name: 'Notes' });
}

describe('notebook: storage failures keep the typed text', () => {
  it('a put that fails with QuotaExceededError shows why and leaves the editor open with the text', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^Edit note: Article 5/ }));
    vi.spyOn(db.notes, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const area = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    fireEvent.input(area, { target: { value: 'Words I must not lose' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/storage for Backstory is full/);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Words I must not lose');
    expect((await db.notes.get('n2'))?.body).toBe('Article 5: an attack on one is an attack on all.');
  });

  it('a closed database gets its own advice, and nothing is written', async () => {
    db.close();
    const res = await saveNote(db, { cardId: 'nato', body: 'after close' });
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/database is closed.*reload the page/) });
    expect(noteWriteError({ name: 'DatabaseClosedError' })).toMatch(/database is closed/);
  });
});

describe('notebook: an edit of the same note saved elsewhere meanwhile', () => {
  it('is not overwritten: the reader is told, and keeps the draft', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^Edit note: Article 5/ }));
    // Meanwhile a hover card on a news page saves the same note (no base: it was not open there).
    const newer = 'Article 5: an attack on one is an attack on all. Invoked once, after 9/11.';
    expect((await saveNote(db, { noteId: 'n2', cardId: 'nato', body: newer })).ok).toBe(true);
    // The list shows the newer copy; the open editor keeps the text the reader is working on.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Tags' })).toBeTruthy());
    fireEvent.input(screen.getByRole('textbox', { name: 'Tags' }), { target: { value: 'treaty' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/changed elsewhere meanwhile\. Copy your text/);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe(
      'Article 5: an attack on one is an attack on all.',
    );
    expect((screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement).value).toBe('treaty');
    expect(await db.notes.get('n2')).toMatchObject({ body: newer, tags: [] });
  });
});

describe('notebook: tags, links, quotes', () => {
  it('edits tags and linked entities in place, and filters by tag', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^Edit note: Article 5/ }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Tags' }), { target: { value: 'Treaty, #Defence' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Link an entity' }), { target: { value: 'kyiv' } });
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    await screen.findByRole('button', { name: 'Remove link to Kyiv' });
    fireEvent.input(screen.getByRole('textbox', { name: 'Link an entity' }), { target: { value: 'Atlantis' } });
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/No card named "Atlantis"/);
    fireEvent.click(screen.getByRole('button', { name: 'Remove link to Nato' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect((await db.notes.get('n2'))?.tags).toEqual(['treaty', 'defence']));
    expect(await db.notes.get('n2')).toMatchObject({ cardId: 'kyiv', cardIds: ['kyiv'] });

    const row = await screen.findByRole('article', { name: /^Note on Kyiv: Article 5/ });
    expect(within(row).getByRole('list', { name: 'Tags' }).textContent).toBe('treatydefence');
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'defence' } });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByText('1 of 3 notes match')).toBeTruthy();
  });

  it('opens a just-captured quote for a comment, and finds it by its quote and tags', async () => {
    await db.notes.put(
      note('q1', '', '', {
        cardIds: [],
        quote: { exact: 'the lowest point since the Cold War', prefix: 'at ', suffix: '.' },
        tags: ['quote'],
        page: { url: 'https://www.bbc.co.uk/x', title: 'Cold relations', site: 'www.bbc.co.uk' },
        createdAt: T0 + 9e8,
        updatedAt: T0 + 9e8,
      }),
    );
    history.replaceState(null, '', '/notebook.html#note=q1');
    await open();
    expect((await screen.findByRole('status')).textContent).toMatch(/^Quote saved/);
    const area = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    expect(area.value).toBe('');
    const row = area.closest('article') as HTMLElement;
    expect(row.querySelector('blockquote')?.textContent).toBe('the lowest point since the Cold War');
    // An empty comment beside a quote is a valid note.
    fireEvent.input(area, { target: { value: 'Said by **Stoltenberg**' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect((await db.notes.get('q1'))?.body).toBe('Said by **Stoltenberg**'));
    await waitFor(() => expect(row.querySelector('.nb-body strong')?.textContent).toBe('Stoltenberg'));

    const search = screen.getByRole('searchbox', { name: 'Search notes' });
    fireEvent.input(search, { target: { value: 'lowest point' } });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
  });

  it('says why a capture failed', async () => {
    expect(captureOfHash('#error=Select%20some%20text')).toEqual({ error: 'Select some text' });
    expect(captureOfHash('#note=%E0%A4%A')).toEqual({});
    history.replaceState(null, '', '/notebook.html#error=Select%20some%20text%20first.');
    await open();
    expect((await screen.findByRole('alert')).textContent).toBe('The selection was not saved: Select some text first.');
  });
});
