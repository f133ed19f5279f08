import { describe, expect, it, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { NotesPanel } from '../../../components/NotesPanel';
import { relativeTime } from '../../../components/NoteItem';
import { makeNote } from './fixtures';
import type { DraftStore, NoteDraft } from '../../../lib/notebook/note-drafts';
import { DRAFT_WAIT_MS } from '../../../components/use-note-draft';

afterEach(cleanup);

const noDelete = () => Promise.resolve();

function type(text: string) {
  const box = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  fireEvent.input(box, { target: { value: text } });
  return box;
}

describe('NotesPanel list', () => {
  it('says "No notes yet" inside the Notes list when empty', () => {
    render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} />);
    expect(within(screen.getByRole('list', { name: 'Notes' })).getByText('No notes yet')).toBeTruthy();
  });

  it('lists notes newest first as plain text, with page link and labelled buttons', () => {
    const now = Date.now();
    const notes = [
      makeNote({ id: 'old', body: 'Older note', createdAt: now - 3 * 86_400_000, updatedAt: now - 3 * 86_400_000 }),
      makeNote({
        id: 'new',
        body: '<b>not bold</b>\nsecond line',
        createdAt: now - 5 * 60_000,
        updatedAt: now - 5 * 60_000,
        page: { url: 'https://news.example/nato', title: 'Nato-Russia relations at lowest point' },
      }),
    ];
    render(<NotesPanel notes={notes} onSave={vi.fn()} onDelete={noDelete} />);
    const items = within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // Light Markdown: the line break is a <br>, the HTML stays text.
    expect(items[0]!.textContent).toContain('<b>not bold</b>second line');
    expect(items[0]!.querySelector('.bs-note-body br')).not.toBeNull();
    expect(items[0]!.querySelector('b')).toBeNull();
    expect(items[0]!.textContent).toContain('5 min ago');
    expect(items[1]!.textContent).toContain('3 days ago');
    const link = within(items[0]!).getByRole('link', { name: 'Nato-Russia relations at lowest point' });
    expect(link.getAttribute('href')).toBe('https://news.example/nato');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(items[1]!).getByRole('button', { name: 'Edit note: Older note' })).toBeTruthy();
    expect(within(items[1]!).getByRole('button', { name: 'Delete note: Older note' })).toBeTruthy();
  });
});

describe('NotesPanel with a note whose time no date can hold', () => {
  it('lists it with "date unknown" instead of failing (stored before imports checked times)', () => {
    render(
      <NotesPanel
        notes={[makeNote({ id: 'x', body: 'Kept anyway', createdAt: 1e20, updatedAt: 1e20 })]}
        onSave={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    const item = within(screen.getByRole('list', { name: 'Notes' }))
      .getByText('Kept anyway')
      .closest('li')!;
    expect(within(item).getByText('date unknown')).toBeTruthy();
  });
});

describe('NotesPanel add', () => {
  it('saves a new note through onSave and closes the editor', async () => {
    const onSave = vi.fn(async () => null);
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const box = type('Led Nato 2014–2024');
    expect(document.activeElement).toBe(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull());
    expect(onSave).toHaveBeenCalledWith('Led Nato 2014–2024', undefined, undefined);
    expect(screen.getByRole('button', { name: 'Add note' })).toBeTruthy();
  });

  it('rejects an empty note without calling onSave', () => {
    const onSave = vi.fn(async () => null);
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    type('   \n ');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(screen.getByRole('alert').textContent).toBe('A note cannot be empty.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('rejects a note over 100,000 characters and keeps the text', () => {
    const onSave = vi.fn(async () => null);
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const long = 'x'.repeat(100_001);
    const box = type(long);
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(screen.getByRole('alert').textContent).toMatch(/at most 100,000 characters; this one has 100,001/);
    expect(onSave).not.toHaveBeenCalled();
    expect(box.value).toBe(long);
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows an onSave error and keeps the typed text for another try', async () => {
    const onSave = vi.fn().mockResolvedValueOnce('Storage is full.').mockResolvedValueOnce(null);
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    type('Important');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is full.');
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Important');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull());
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('treats a rejected onSave like an error message', async () => {
    const onSave = vi.fn(() => Promise.reject(new Error('port closed')));
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    type('Keep me');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toBe('port closed');
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Keep me');
  });

  it('saves with Ctrl+Enter and cancels with Escape without letting Escape bubble', async () => {
    const onSave = vi.fn(async () => null);
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    let box = type('draft');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    expect(outer).not.toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add note' })));
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    box = type('via keyboard');
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('via keyboard', undefined, undefined));
    document.removeEventListener('keydown', outer);
  });

  it('cancels the editor, not the card around it, on Escape from its Save or Cancel button', () => {
    const onSave = vi.fn(async () => null);
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} />);
    for (const name of ['Save note', 'Cancel']) {
      fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
      type('draft');
      fireEvent.keyDown(screen.getByRole('button', { name }), { key: 'Escape' });
      expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    }
    expect(outer).not.toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
    document.removeEventListener('keydown', outer);
  });
});

describe('NotesPanel edit and delete', () => {
  it('edits a note in place, passing its id and the version the editor opened with', async () => {
    const onSave = vi.fn(async () => null);
    const first = makeNote({ id: 'n7', body: 'First version', updatedAt: 1_000 });
    const { rerender } = render(<NotesPanel notes={[first]} onSave={onSave} onDelete={noDelete} />);
    fireEvent.click(screen.getByRole('button', { name: /^Edit note/ }));
    const box = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(box.value).toBe('First version');
    // A newer copy saved elsewhere arrives while the editor is open: the save must still name the
    // version the reader's text began from, so the store can refuse to overwrite the newer one.
    rerender(
      <NotesPanel
        notes={[{ ...first, body: 'Changed elsewhere', updatedAt: 2_000 }]}
        onSave={onSave}
        onDelete={noDelete}
      />,
    );
    type('Second version');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('Second version', 'n7', 1_000));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull());
  });

  it('deletes a note and reports a failed delete in an alert', async () => {
    const onDelete = vi.fn().mockRejectedValueOnce(new Error('locked')).mockResolvedValueOnce(undefined);
    render(<NotesPanel notes={[makeNote({ id: 'n9', body: 'Doomed' })]} onSave={vi.fn()} onDelete={onDelete} />);
    fireEvent.click(screen.getByRole('button', { name: /^Delete note/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('locked');
    fireEvent.click(screen.getByRole('button', { name: /^Delete note/ }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(2));
    expect(onDelete).toHaveBeenLastCalledWith('n9');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('status').textContent).toBe('Note deleted.');
  });
});

describe('NotesPanel drafts (a card or popup closed before Save)', () => {
  /** A draft store over a stored value, as session storage would keep it between two panels. */
  function memoryDrafts(start: NoteDraft | null = null) {
    const state = { draft: start };
    const store: DraftStore = {
      read: async () => state.draft,
      write: async (d) => {
        state.draft = d;
      },
    };
    return { state, store };
  }

  it('keeps the text as it is typed, and a panel shown next opens the editor on it without taking focus', async () => {
    const { state, store } = memoryDrafts();
    const first = render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByRole('textbox', { name: 'Note' });
    type('Met him in Oslo, then');
    expect(state.draft).toEqual({ body: 'Met him in Oslo, then' });
    first.unmount(); // the pointer left the card

    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    const box = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    expect(box.value).toBe('Met him in Oslo, then');
    screen.getByText('Unsaved note from before:');
    expect(screen.getByRole('status').textContent).toBe('Your unsaved note is back.');
    expect(document.activeElement).toBe(outside); // hovering a name does not pull focus into the card
    outside.remove();
  });

  it('forgets the draft once the note is saved, or the editor is cancelled', async () => {
    const { state, store } = memoryDrafts({ body: 'Half a thought' });
    const onSave = vi.fn(async () => null);
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} drafts={store} />);
    await screen.findByRole('textbox', { name: 'Note' });
    type('A whole thought.');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('A whole thought.', undefined, undefined));
    await waitFor(() => expect(state.draft).toBeNull());

    cleanup();
    state.draft = { body: 'Changed my mind' };
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} drafts={store} />);
    await screen.findByRole('textbox', { name: 'Note' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(state.draft).toBeNull();
  });

  it('keeps the draft when the save fails', async () => {
    const { state, store } = memoryDrafts();
    render(<NotesPanel notes={[]} onSave={async () => 'The disk is full.'} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByRole('textbox', { name: 'Note' });
    type('Worth keeping.');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('The disk is full.');
    expect(state.draft).toEqual({ body: 'Worth keeping.' });
  });

  it('reopens an edit on its note and version, and an edit of a note deleted since as a new note', async () => {
    const note = makeNote({ id: 'n1', body: 'Chaired the council.', updatedAt: 5 });
    const { store } = memoryDrafts({ noteId: 'n1', baseUpdatedAt: 3, body: 'Chaired the council twice.' });
    const onSave = vi.fn(async () => null);
    render(<NotesPanel notes={[note]} onSave={onSave} onDelete={noDelete} drafts={store} />);
    const box = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    expect(box.value).toBe('Chaired the council twice.');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    // The version the editor first opened on: a save over a newer one is still refused.
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('Chaired the council twice.', 'n1', 3));

    cleanup();
    const gone = memoryDrafts({ noteId: 'n1', baseUpdatedAt: 3, body: 'Words to keep.' });
    render(<NotesPanel notes={[]} onSave={onSave} onDelete={noDelete} drafts={gone.store} />);
    expect(((await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement).value).toBe(
      'Words to keep.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith('Words to keep.', undefined, undefined));
  });

  it('keeps no draft of an emptied editor, or of an edit put back to the note as saved', async () => {
    const { state, store } = memoryDrafts();
    render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByRole('textbox', { name: 'Note' });
    type('Met him');
    type('  ');
    expect(state.draft).toBeNull();

    cleanup();
    const note = makeNote({ id: 'n1', body: 'Chaired the council.', updatedAt: 5 });
    render(<NotesPanel notes={[note]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: /^Edit/ }));
    await screen.findByRole('textbox', { name: 'Note' });
    type('Chaired the council!');
    expect(state.draft).toMatchObject({ noteId: 'n1', body: 'Chaired the council!' });
    type('Chaired the council.');
    expect(state.draft).toBeNull();
  });

  /** A draft store whose read answers only when the test says so (session storage being slow). */
  function slowDrafts() {
    let answer: (d: NoteDraft | null) => void = () => undefined;
    const writes: (NoteDraft | null)[] = [];
    const store: DraftStore = {
      read: () => new Promise((r) => (answer = r)),
      write: async (d) => void writes.push(d),
    };
    return { store, writes, answer: (d: NoteDraft | null) => answer(d) };
  }

  it('opens the draft, focused, when the reader asks for an editor before the draft was read', async () => {
    const { store, writes, answer } = slowDrafts();
    render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    answer({ body: 'Met him in Oslo, then' });
    const box = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    expect(box.value).toBe('Met him in Oslo, then');
    screen.getByText('Unsaved note from before:');
    await waitFor(() => expect(document.activeElement).toBe(box)); // the reader asked for it
    expect(writes).toEqual([]); // the draft is still kept
  });

  it('opens the editor the reader asked for when the draft is not read in time, and keeps it over a late draft', async () => {
    const { store, writes, answer } = slowDrafts();
    render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull(); // waiting for the draft
    await screen.findByRole('textbox', { name: 'Note' }, { timeout: DRAFT_WAIT_MS + 500 });
    type('Fresh start');
    answer({ body: 'Old draft' });
    await new Promise((r) => setTimeout(r, 10));
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Fresh start');
    // Nothing was dropped unread: the reader's own words replaced the draft as they typed.
    expect(writes).toEqual([{ body: 'Fresh start' }]);
  });

  it('gives an editor opened empty after the wait the draft read late, while the reader has not typed', async () => {
    const { store, writes, answer } = slowDrafts();
    render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByRole('textbox', { name: 'Note' }, { timeout: DRAFT_WAIT_MS + 500 });
    answer({ body: 'Three paragraphs typed earlier' });
    await screen.findByText('Unsaved note from before:');
    const box = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Three paragraphs typed earlier');
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(writes).toEqual([]);
  });

  it('opens the editor of the last click when the reader clicks twice while the draft is read', async () => {
    const { store } = slowDrafts();
    const note = makeNote({ id: 'n1', body: 'Chaired the council.', updatedAt: 5 });
    render(<NotesPanel notes={[note]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await new Promise((r) => setTimeout(r, 50));
    fireEvent.click(screen.getByRole('button', { name: /^Edit/ }));
    const box = (await screen.findByRole(
      'textbox',
      { name: 'Note' },
      { timeout: DRAFT_WAIT_MS + 500 },
    )) as HTMLTextAreaElement;
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.getAllByRole('textbox', { name: 'Note' })).toHaveLength(1);
    expect(box.value).toBe('Chaired the council.');
  });

  it('opens the editor when the draft store fails to read', async () => {
    const store: DraftStore = { read: () => Promise.reject(new Error('storage gone')), write: async () => undefined };
    render(<NotesPanel notes={[]} onSave={vi.fn()} onDelete={noDelete} drafts={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByRole('textbox', { name: 'Note' })).toBeTruthy();
  });
});

describe('relativeTime', () => {
  it('reads like a person would say it', () => {
    const now = Date.UTC(2021, 9, 20, 12);
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now - 60 * 60_000, now)).toBe('1 hour ago');
    expect(relativeTime(now - 30 * 3_600_000, now)).toBe('yesterday');
    expect(relativeTime(Date.UTC(2021, 9, 1), now)).toBe('1 Oct 2021');
  });
});
