import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { SendFn } from '../../../components/HoverCard';
import { NoteFrame } from '../../../components/NoteFrame';
import { NoteFrameApp } from '../../../entrypoints/note-frame/NoteFrameApp';
import type { Card, Note } from '../../../lib/db/records';
import { parseNoteFrameHash, type NoteFrameParams } from '../../../lib/messaging/note-frame';
import type { NoteFrameEvent } from '../../../lib/messaging/protocol';

afterEach(cleanup);

const page = { url: 'https://news.test/nato', title: 'Nato' };
const entity = { name: 'Jens Stoltenberg', kind: 'person' as const, aliases: ['Stoltenberg'], page };
const SRC = 'chrome-extension://dynamic-id/note-frame.html';

/** Renders the card's frame element; returns the handler it subscribed with and its token. */
function renderFrame(over: { cardId?: string } = {}) {
  const handlers = new Map<string, (e: NoteFrameEvent) => void>();
  const listen = vi.fn((token: string, h: (e: NoteFrameEvent) => void) => {
    handlers.set(token, h);
    return () => void handlers.delete(token);
  });
  const props = { onChanged: vi.fn(), onClose: vi.fn(), onResize: vi.fn() };
  // Out of the document: happy-dom would try to load the frame page and complain that it cannot.
  const view = render(<NoteFrame src={SRC} params={{ ...entity, ...over }} listen={listen} {...props} />, {
    container: document.createElement('div'),
  });
  const frame = view.container.querySelector('iframe') as HTMLIFrameElement;
  const token = [...handlers.keys()][0] as string;
  const emit = (e: Omit<NoteFrameEvent, 'token'>) => handlers.get(token)?.({ token, ...e });
  return { ...props, view, frame, token, emit, handlers };
}

describe('NoteFrame (the iframe in the card)', () => {
  it('loads the note frame page with the entity and a fresh token in the hash, named for the reader', () => {
    const { frame, token } = renderFrame({ cardId: 'jens' });
    expect(frame.title).toBe('Your notes on Jens Stoltenberg');
    const src = frame.getAttribute('src') ?? '';
    expect(src.startsWith(`${SRC}#`)).toBe(true);
    const parsed = parseNoteFrameHash(src.slice(SRC.length));
    expect(parsed).toEqual({ ok: true, value: { ...entity, cardId: 'jens', token } });
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(renderFrame().token).not.toBe(token);
  });

  it('stays hidden (nothing can be typed into it) until an event with its token arrives', async () => {
    const f = renderFrame();
    expect(f.frame.style.visibility).toBe('hidden');
    f.emit({ event: 'size', height: 120 });
    await waitFor(() => expect(f.frame.style.visibility).toBe('visible'));
    expect(f.frame.style.height).toBe('120px');
  });

  it('keeps its address when the card learns its id (a new address would navigate the frame)', () => {
    const f = renderFrame();
    const before = f.frame.getAttribute('src');
    f.view.rerender(
      <NoteFrame
        src={SRC}
        params={{ ...entity, cardId: 'jens' }}
        listen={() => () => undefined}
        onChanged={f.onChanged}
        onClose={f.onClose}
      />,
    );
    expect(f.view.container.querySelector('iframe')?.getAttribute('src')).toBe(before);
  });

  it('follows the frame: height, scroll to the focus, saved, Escape', () => {
    const f = renderFrame();
    f.emit({ event: 'size', height: 212.4 });
    expect(f.frame.style.height).toBe('213px');
    expect(f.onResize).toHaveBeenCalledOnce();
    f.emit({ event: 'size', height: 213, reveal: { top: 100, bottom: 200 } });
    expect(f.onResize).toHaveBeenCalledOnce(); // same height: no new placement
    f.emit({ event: 'changed' });
    expect(f.onChanged).toHaveBeenCalledOnce();
    f.emit({ event: 'close' });
    expect(f.onClose).toHaveBeenCalledOnce();
  });

  it('removes itself when the page navigates it away, and unsubscribes when unmounted', async () => {
    const f = renderFrame();
    fireEvent.load(f.frame);
    expect(f.view.container.querySelector('iframe')).not.toBeNull();
    fireEvent.load(f.frame); // a second load: not the page the card put there
    await f.view.findByRole('alert');
    expect(f.view.container.querySelector('iframe')).toBeNull();
    f.view.unmount();
    expect(f.handlers.size).toBe(0);
  });
});

/** An in-memory background for the frame's page. */
function fakeBackground(initial: Note[] = [], hasCard = initial.length > 0) {
  let card: Pick<Card, 'id' | 'name'> | null = hasCard ? { id: 'jens', name: 'Jens Stoltenberg' } : null;
  const notes = [...initial];
  const calls: Array<[string, Record<string, unknown>]> = [];
  const send = (async (type: string, payload: Record<string, unknown>) => {
    calls.push([type, payload]);
    if (type === 'getCard') return { ok: true, value: { card, notes: [...notes], seenIn: 1 } };
    if (type === 'createCard') {
      card = { id: 'reader-1', name: String(payload.name) };
      return { ok: true, value: { card } };
    }
    if (type === 'saveNote') {
      const now = Date.now();
      const note = {
        id: `n${notes.length}`,
        cardId: String(payload.cardId),
        body: String(payload.body),
        createdAt: now,
        updatedAt: now,
      };
      notes.push(note);
      return { ok: true, value: { note } };
    }
    if (type === 'deleteNote') {
      notes.splice(
        notes.findIndex((n) => n.id === payload.noteId),
        1,
      );
      return { ok: true, value: { deleted: true } };
    }
    return { ok: false, error: `unexpected ${type}` };
  }) as unknown as SendFn;
  return { send, calls, notes };
}

const params = (over: Partial<NoteFrameParams> = {}): NoteFrameParams => ({ token: 't1', ...entity, ...over });

describe('NoteFrameApp (the page inside the frame)', () => {
  it('lists the card’s notes, and a first note creates the card, is saved with the page and tells the card', async () => {
    const bg = fakeBackground();
    const onChanged = vi.fn();
    render(<NoteFrameApp params={params()} send={bg.send} onChanged={onChanged} />);
    screen.getByText('No notes yet');
    expect(bg.calls).toEqual([]); // no card: nothing to fetch
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: 'Met him in Oslo.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('Met him in Oslo.');
    expect(bg.calls.map(([t]) => t)).toEqual(['getCard', 'createCard', 'saveNote', 'getCard']);
    expect(bg.calls[2]?.[1]).toMatchObject({ cardId: 'reader-1', body: 'Met him in Oslo.', page });
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('saves on a card made since the frame opened (the card’s "Create card") instead of making another', async () => {
    const bg = fakeBackground([], true);
    render(<NoteFrameApp params={params()} send={bg.send} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: 'Second thoughts.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('Second thoughts.');
    expect(bg.calls.map(([t]) => t)).not.toContain('createCard');
    expect(bg.calls.find(([t]) => t === 'saveNote')?.[1]).toMatchObject({ cardId: 'jens' });
  });

  it('loads the notes of a known card and deletes one', async () => {
    const note: Note = { id: 'n9', cardId: 'jens', body: 'Chaired the council.', createdAt: 1, updatedAt: 1 };
    const bg = fakeBackground([note]);
    const onChanged = vi.fn();
    render(<NoteFrameApp params={params({ cardId: 'jens' })} send={bg.send} onChanged={onChanged} />);
    screen.getByText('Loading notes…');
    await screen.findByText('Chaired the council.');
    fireEvent.click(screen.getByRole('button', { name: /^Delete note/ }));
    await screen.findByText('No notes yet');
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('shows a background failure in an alert', async () => {
    const send = (async () => ({ ok: false, error: 'The background is asleep.' })) as unknown as SendFn;
    render(<NoteFrameApp params={params({ cardId: 'jens' })} send={send} onChanged={() => {}} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The background is asleep.'));
    screen.getByText('No notes yet');
  });
});

describe('NoteFrameApp after a save', () => {
  async function writeAndSave(text: string) {
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  }

  it('does not report a note that WAS saved as failed when only the reload afterwards fails (a retry duplicates it)', async () => {
    const bg = fakeBackground([], true);
    // Every getCard after the first save fails (the worker restarted, the database briefly closed...).
    const send = (async (type: string, payload: Record<string, unknown>) =>
      type === 'getCard' && bg.notes.length > 0
        ? { ok: false, error: 'Backstory is restarting.' }
        : bg.send(type as never, payload as never)) as unknown as SendFn;
    render(<NoteFrameApp params={params({ cardId: 'jens' })} send={send} onChanged={() => {}} />);
    await writeAndSave('Met him in Oslo.');
    await waitFor(() => expect(bg.calls.filter(([t]) => t === 'saveNote')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    // The reader sees the editor still open with an error, and naturally presses Save again.
    const save = screen.queryByRole('button', { name: 'Save note' });
    if (save) fireEvent.click(save);
    await new Promise((r) => setTimeout(r, 50));
    expect(bg.notes).toHaveLength(1); // not two identical notes
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull(); // the editor closed: saved
  });

  it('recovers when the card it knew was deleted or merged meanwhile, instead of failing every retry', async () => {
    // The frame opened on card "jens-old"; while the reader writes, it is merged into "jens" elsewhere.
    const bg = fakeBackground([], true);
    let merged = false;
    const send = (async (type: string, payload: Record<string, unknown>) => {
      if (type === 'getCard' && !merged)
        return { ok: true, value: { card: { id: 'jens-old', name: 'Jens Stoltenberg' }, notes: [], seenIn: 1 } };
      if (type === 'saveNote' && payload.cardId !== 'jens')
        return { ok: false, error: 'The note was not saved: its card no longer exists.' };
      return bg.send(type as never, payload as never);
    }) as unknown as SendFn;
    render(<NoteFrameApp params={params({ cardId: 'jens-old' })} send={send} onChanged={() => {}} />);
    await screen.findByText('No notes yet');
    merged = true; // now "jens-old" is gone
    await writeAndSave('Second thoughts.');
    await screen.findByRole('alert');
    // Another try, as the error invites: it finds the card the name has now.
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(bg.notes.map((n) => n.body)).toEqual(['Second thoughts.']);
  });
});
