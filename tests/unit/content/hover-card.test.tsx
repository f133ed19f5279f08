import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { HoverCard, type NotesSlot, type SendFn } from '../../../components/HoverCard';
import type { Card, Note } from '../../../lib/db/records';

afterEach(cleanup);

const entity = {
  key: 'person:jens stoltenberg',
  name: 'Jens Stoltenberg',
  kind: 'person' as const,
  aliases: ['Stoltenberg'],
  count: 3,
};
const page = { url: 'http://127.0.0.1/nato.html', title: 'Nato' };
const anchor = () => ({ left: 10, top: 10, right: 100, bottom: 30 });
const noNotes = () => null;

/** An in-memory background: enough of getCard/createCard/saveNote/deleteNote to drive the card. */
function fakeBackground() {
  let card: Card | null = null;
  const notes: Note[] = [];
  const calls: string[] = [];
  const send = (async (type: string, payload: Record<string, unknown>) => {
    calls.push(type);
    const now = Date.now();
    switch (type) {
      case 'getCard':
        return { ok: true, value: { card, notes: [...notes], seenIn: 2 } };
      case 'createCard':
        card = {
          id: 'reader-1',
          name: String(payload.name),
          kind: 'person',
          aliases: [],
          keys: [],
          description: '',
          summary: '',
          source: 'reader',
          edited: true,
          createdAt: now,
          updatedAt: now,
        };
        return { ok: true, value: { card } };
      case 'saveNote': {
        if (String(payload.body).trim() === '') return { ok: false, error: 'A note cannot be empty.' };
        const note: Note = {
          id: `n${notes.length}`,
          cardId: String(payload.cardId),
          body: String(payload.body),
          page,
          createdAt: now,
          updatedAt: now,
        };
        notes.push(note);
        return { ok: true, value: { note } };
      }
      case 'deleteNote':
        notes.splice(
          notes.findIndex((n) => n.id === payload.noteId),
          1,
        );
        return { ok: true, value: { deleted: true } };
    }
    return { ok: false, error: 'unknown' };
  }) as unknown as SendFn;
  return { send, calls, notes };
}

describe('HoverCard', () => {
  it('is a named dialog that shows what the page knows when there is no card, and creates one', async () => {
    const bg = fakeBackground();
    render(<HoverCard entity={entity} anchor={anchor} send={bg.send} renderNotes={noNotes} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Jens Stoltenberg' });
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    await screen.findByText('Mentioned 3 times on this page');
    expect(screen.getByText('Person')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create card' }));
    await waitFor(() => expect(bg.calls).toContain('createCard'));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Create card' })).toBeNull());
  });

  it('hands its notes part the card id once known, and reloads when the notes part says so', async () => {
    const bg = fakeBackground();
    const slots: NotesSlot[] = [];
    const renderNotes = (slot: NotesSlot) => {
      slots.push(slot);
      return <p>notes of {slot.cardId ?? 'no card'}</p>;
    };
    render(<HoverCard entity={entity} anchor={anchor} send={bg.send} onClose={() => {}} renderNotes={renderNotes} />);
    // Not before the card is loaded: the notes part would otherwise start without its card.
    expect(screen.queryByText(/^notes of/)).toBeNull();
    await screen.findByText('notes of no card');
    // A note written in the notes part created the card: it asks the card to reload.
    await bg.send('createCard', { name: entity.name, kind: entity.kind });
    const loads = bg.calls.filter((c) => c === 'getCard').length;
    slots.at(-1)?.refresh();
    await screen.findByText('notes of reader-1');
    expect(bg.calls.filter((c) => c === 'getCard').length).toBe(loads + 1);
    expect(typeof slots.at(-1)?.relayout).toBe('function');
    expect(screen.queryByRole('button', { name: 'Create card' })).toBeNull();
  });

  it('closes on Escape and keeps itself inside the viewport', async () => {
    const bg = fakeBackground();
    const onClose = vi.fn();
    render(<HoverCard entity={entity} anchor={anchor} send={bg.send} renderNotes={noNotes} onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Jens Stoltenberg' });
    expect(dialog.style.top).toMatch(/^\d+px$/);
    expect(dialog.style.left).toMatch(/^\d+px$/);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('shows a background failure instead of a blank card', async () => {
    const send = (async () => ({ ok: false, error: 'The background is asleep.' })) as unknown as SendFn;
    render(<HoverCard entity={entity} anchor={anchor} send={send} renderNotes={noNotes} onClose={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toContain('The background is asleep.');
    expect(screen.getByRole('heading', { name: 'Jens Stoltenberg' })).toBeTruthy();
  });
});
