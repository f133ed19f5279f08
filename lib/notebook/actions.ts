/** Notebook writes beyond saveNote/deleteNote: undoing a delete and clearing history. */

import { describeWriteError, fail, ok } from '../db/errors';
import type { Note } from '../db/records';
import type { BackstoryDB } from '../db/schema';
import type { Result } from '../messaging/protocol';

/**
 * Puts back a note deleted a moment ago ("Undo"), exactly as it was. Refused when its card
 * was deleted meanwhile; a note with the same id written since is kept (it is newer).
 */
export async function restoreNote(db: BackstoryDB, note: Note): Promise<Result<{ restored: boolean }>> {
  try {
    return await db.transaction('rw', db.cards, db.notes, async () => {
      if (!(await db.cards.get(note.cardId))) return fail('The note was not restored: its card no longer exists.');
      if (await db.notes.get(note.id)) return ok({ restored: false });
      await db.notes.add(note);
      return ok({ restored: true });
    });
  } catch (error) {
    return fail(describeWriteError('The note', error, 'was not restored'));
  }
}

/** Deletes every mention (the record of where the reader met names); notes and cards stay. */
export async function clearMentions(db: BackstoryDB): Promise<Result<{ cleared: number }>> {
  try {
    return ok({ cleared: await db.mentions.toCollection().delete() });
  } catch (error) {
    return fail(describeWriteError('The history', error, 'was not cleared'));
  }
}
