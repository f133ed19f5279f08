import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, entityOfHash } from '@/entrypoints/notebook/App';
import { countMentions, storeMentions } from '@/lib/db/mentions';
import type { BackstoryDB } from '@/lib/db/schema';
import { DAY, openNotebookDb, mention, T0 } from './fixtures';

let db: BackstoryDB;
beforeEach(async () => {
  db = await openNotebookDb();
});
afterEach(cleanup);

/** The note bodies in the list, top to bottom. */
function listed(): string[] {
  const list = screen.getByRole('list', { name: 'Notes' });
  return within(list)
    .queryAllByRole('article')
    .map((a) => a.querySelector('.nb-body')?.textContent ?? '');
}

async function open() {
  render(<App db={db} />);
  await screen.findByRole('list', { name: 'Notes' });
}

describe('notebook: list, search, filters', () => {
  it('shows every note newest first, in landmarks with headings', async () => {
    await open();
    expect(screen.getByRole('heading', { level: 1, name: 'Backstory notebook' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('search', { name: 'Notes' })).toBeTruthy();
    expect(listed()).toEqual([
      'Spokeswoman of the Russian foreign ministry.',
      'Article 5: an attack on one is an attack on all.',
      'Founded in 1949 by twelve countries.',
    ]);
    expect(screen.getByText('3 notes')).toBeTruthy();
    const first = screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-posinset') === '1');
    expect(first?.getAttribute('aria-setsize')).toBe('3');
  });

  it('searches as the reader types, over bodies, entity names and page titles', async () => {
    await open();
    const box = screen.getByRole('searchbox', { name: 'Search notes' });
    fireEvent.input(box, { target: { value: 'attack' } });
    await waitFor(() => expect(listed()).toEqual(['Article 5: an attack on one is an attack on all.']));
    fireEvent.input(box, { target: { value: 'zakharova' } });
    await waitFor(() => expect(listed()).toEqual(['Spokeswoman of the Russian foreign ministry.']));
    fireEvent.input(box, { target: { value: 'nato at 75' } });
    await waitFor(() => expect(listed()).toEqual(['Founded in 1949 by twelve countries.']));
    expect(screen.getByText('1 of 3 notes match')).toBeTruthy();
    fireEvent.input(box, { target: { value: 'nothing like this' } });
    expect(await screen.findByText(/No note matches/)).toBeTruthy();
  });

  it('combines the entity, site and date filters', async () => {
    await open();
    fireEvent.change(screen.getByRole('combobox', { name: 'Entity' }), { target: { value: 'nato' } });
    await waitFor(() => expect(listed()).toHaveLength(2));
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'www.bbc.co.uk' } });
    await waitFor(() => expect(listed()).toEqual(['Founded in 1949 by twelve countries.']));
    const clear = screen.getByRole('button', { name: 'Clear search and filters' });
    clear.focus();
    fireEvent.click(clear);
    await waitFor(() => expect(listed()).toHaveLength(3));
    // The button went with the filters: the keyboard reader carries on from the search box.
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search notes' }));
    const day = new Date(T0 + DAY).toLocaleDateString('en-CA');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: day } });
    await waitFor(() => expect(listed()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('To'), { target: { value: day } });
    await waitFor(() => expect(listed()).toEqual(['Article 5: an attack on one is an attack on all.']));
  });
});

describe('notebook: edit and delete', () => {
  it('edits a note in place', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^Edit note: Article 5/ }));
    const area = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(area, { target: { value: 'Article 5 was invoked once, after 11 September 2001.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(listed()).toContain('Article 5 was invoked once, after 11 September 2001.'));
    expect((await db.notes.get('n2'))?.body).toBe('Article 5 was invoked once, after 11 September 2001.');
    expect(screen.getByRole('status').textContent).toBe('Note updated.');
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Edit note: Article 5 was/),
    );
  });

  it('keeps the text and shows why when a save is refused', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^Edit note: Founded/ }));
    await db.notes.delete('n1'); // deleted elsewhere meanwhile
    const area = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(area, { target: { value: 'My careful words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/deleted meanwhile/);
  });

  it('deletes a note and undoes the delete', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^Delete note: Founded/ }));
    await waitFor(() => expect(listed()).toHaveLength(2));
    expect(await db.notes.get('n1')).toBeUndefined();
    expect(screen.getByRole('status').textContent).toBe('Note deleted.');
    const undo = screen.getByRole('button', { name: 'Undo delete' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await waitFor(() => expect(listed()).toHaveLength(3));
    expect((await db.notes.get('n1'))?.body).toBe('Founded in 1949 by *twelve* countries.');
    expect(screen.getByRole('status').textContent).toBe('Note restored.');
  });

  it('shows notes written elsewhere (popup, hover card) without a reload', async () => {
    await open();
    await db.notes.put({
      id: 'n4',
      cardId: 'kyiv',
      body: 'Written in the popup',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    await waitFor(() => expect(listed()[0]).toBe('Written in the popup'));
  });
});

describe('notebook: entity view and history', () => {
  it('reads the entity from the address', () => {
    expect(entityOfHash('#entity=reader-1')).toBe('reader-1');
    expect(entityOfHash('#entity=a%20b')).toBe('a b');
    expect(entityOfHash('#other')).toBeNull();
    expect(entityOfHash('#entity=%E0%A4%A')).toBeNull();
  });

  it('shows the card, its notes and where the reader met it, newest first', async () => {
    await storeMentions(db, [
      mention('nato', 'https://apnews.com/x', {
        seenAt: T0 + 5 * DAY,
        title: 'Summit opens',
        sentence: 'Nato leaders met.',
      }),
    ]);
    history.replaceState(null, '', '/notebook.html#entity=nato');
    render(<App db={db} />);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Nato' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const notes = screen.getByRole('list', { name: 'Notes' });
    expect(within(notes).getAllByRole('listitem')).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Where you met Nato' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((r) => r[0])).toEqual([
      'Summit opens',
      'Title of https://www.thenationalnews.com/world/nato',
      'Title of https://www.bbc.co.uk/news/world-1',
    ]);
    expect(rows[0]?.[1]).toBe('apnews.com');
    expect(rows[0]?.[3]).toBe('Nato leaders met.');
    expect(screen.getByText('Seen in 3 articles')).toBeTruthy();
    const back = screen.getByRole('button', { name: 'Back to notes' });
    back.focus();
    fireEvent.click(back);
    await screen.findByRole('searchbox', { name: 'Search notes' });
    // Focus returns to the entity's link in the list, not to <body>.
    await waitFor(() => expect(document.activeElement?.getAttribute('href')).toBe('#entity=nato'));
  });

  it("opens an entity from a note's entity link", async () => {
    await open();
    const link = screen.getAllByRole('link', { name: 'Maria Zakharova' })[0]!;
    expect(link.getAttribute('href')).toBe('#entity=reader-1');
    history.pushState(null, '', '/notebook.html#entity=reader-1');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Maria Zakharova' })).toBeTruthy();
    expect(screen.getByText(/has not recorded a page/)).toBeTruthy();
  });

  it('clears the browsing history only after confirmation', async () => {
    await open();
    const clear = await screen.findByRole('button', { name: 'Clear browsing history' });
    await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(clear);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/3 records/);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await countMentions(db)).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Clear browsing history' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Clear history' }));
    await screen.findByText('Browsing history cleared.');
    expect(await countMentions(db)).toBe(0);
    expect(await db.pageMentions.count()).toBe(0);
    expect(await db.notes.count()).toBe(3);
  });
});
