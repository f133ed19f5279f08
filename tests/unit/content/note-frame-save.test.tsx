/**
 * Saving a note in the hover card's note frame (entrypoints/note-frame/NoteFrameApp.tsx) when what
 * follows the save fails, or the card it knew is gone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { SendFn } from '../../../components/HoverCard';
import { NoteFrameApp } from '../../../entrypoints/note-frame/NoteFrameApp';
import type { Note } from '../../../lib/db/records';
import type { NoteFrameParams } from '../../../lib/messaging/note-frame';

afterEach(cleanup);

const page = { url: 'https://news.test/nato', title: 'Nato' };
const params = (over: Partial<NoteFrameParams> = {}): NoteFrameParams => ({
  token: 't1',
  name: 'Jens Stoltenberg',
  kind: 'person',
  aliases: ['Stoltenberg'],
  page,
  ...over,
});

/**
 * A background with one card. `getCardFails` makes every getCard after the first saveNote fail
 * (the worker restarted, the database briefly closed...). `cardId` is the card's id now.
 */
function background(opts: { cardId: string; getCardFailsAfterSave?: boolean }) {
  const notes: Note[] = [];
  let saved = 0;
  const calls: Array<[string, Record<string, unknown>]> = [];
  const send = (async (type: string, payload: Record<string, unknown>) => {
    calls.push([type, payload]);
    if (type === 'getCard') {
      if (opts.getCardFailsAfterSave && saved > 0) return { ok: false, error: 'Backstory is restarting.' };
      return { ok: true, value: { card: { id: opts.cardId, name: 'Jens Stoltenberg' }, notes: [...notes], seenIn: 1 } };
    }
    if (type === 'createCard') return { ok: true, value: { card: { id: opts.cardId, name: 'Jens Stoltenberg' } } };
    if (type === 'saveNote') {
      if (payload.cardId !== opts.cardId)
        return { ok: false, error: 'The note was not saved: its card no longer exists.' };
      saved++;
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
    return { ok: false, error: `unexpected ${type}` };
  }) as unknown as SendFn;
  return { send, calls, notes };
}

async function writeAndSave(text: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
  fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
}

describe('the note frame after a save', () => {
  it('does not report a note that WAS saved as failed when only the reload afterwards fails (a retry duplicates it)', async () => {
    const bg = background({ cardId: 'jens', getCardFailsAfterSave: true });
    render(<NoteFrameApp params={params({ cardId: 'jens' })} send={bg.send} onChanged={() => {}} />);
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
    const stale = background({ cardId: 'jens-old' });
    const bg = background({ cardId: 'jens' });
    let useStale = true;
    const send = ((type: string, payload: Record<string, unknown>) =>
      (useStale ? stale.send : bg.send)(type as never, payload as never)) as unknown as SendFn;
    render(<NoteFrameApp params={params({ cardId: 'jens-old' })} send={send} onChanged={() => {}} />);
    await screen.findByText('No notes yet');
    useStale = false; // now "jens-old" is gone
    await writeAndSave('Second thoughts.');
    await screen.findByRole('alert');
    // Another try, as the error invites: it finds the card the name has now.
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(bg.notes.map((n) => n.body)).toEqual(['Second thoughts.']);
  });
});
