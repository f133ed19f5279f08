/** The reader's notes on cards. Writes return a Result and never throw. */
import type { Note, PageRef } from './records';
import type { BackstoryDB } from './schema';
import { describeWriteError, fail, ok } from './errors';
import { noteBodyError, type Result } from '../messaging/protocol';

/** Lists a card's notes, newest first. */
export async function listNotes(db: BackstoryDB, cardId: string): Promise<Note[]> {
  const notes = await db.notes.where('cardId').equals(cardId).toArray();
  return notes.sort((a, b) => b.createdAt - a.createdAt);
}

/** What saveNote needs: no `noteId` creates a note, a `noteId` edits that note. */
export interface SaveNoteInput {
  cardId: string;
  noteId?: string;
  body: string;
  page?: PageRef;
}

/**
 * Creates or edits a note. The body is checked with noteBodyError first (empty or over
 * 100,000 characters → error, nothing written). The card (and, when editing, the note)
 * must exist. A failed write (e.g. storage full) returns a clear error and leaves every
 * saved note as it was: the write is a single put, so it happens wholly or not at all.
 * An edited note keeps the page it was first written on.
 */
export async function saveNote(db: BackstoryDB, input: SaveNoteInput): Promise<Result<Note>> {
  const bodyError = noteBodyError(input.body);
  if (bodyError) return fail(bodyError);
  try {
    const card = await db.cards.get(input.cardId);
    if (!card) return fail('The note was not saved: its card no longer exists.');
    const now = Date.now();
    let note: Note;
    if (input.noteId) {
      const old = await db.notes.get(input.noteId);
      if (!old || old.cardId !== input.cardId) return fail('The note was not saved: it was deleted meanwhile.');
      note = { ...old, body: input.body, updatedAt: now };
    } else {
      note = { id: crypto.randomUUID(), cardId: input.cardId, body: input.body, createdAt: now, updatedAt: now };
      if (input.page) note.page = { url: input.page.url, title: input.page.title };
    }
    await db.notes.put(note);
    return ok(note);
  } catch (error) {
    return fail(describeWriteError('The note', error));
  }
}

/** Deletes a note. `deleted` is false when there was no such note. */
export async function deleteNote(db: BackstoryDB, noteId: string): Promise<Result<{ deleted: boolean }>> {
  try {
    const deleted = await db.transaction('rw', db.notes, async () => {
      if (!(await db.notes.get(noteId))) return false;
      await db.notes.delete(noteId);
      return true;
    });
    return ok({ deleted });
  } catch (error) {
    return fail(describeWriteError('The note', error, 'was not deleted'));
  }
}
