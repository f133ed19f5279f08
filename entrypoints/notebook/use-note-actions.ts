import { useState } from 'preact/hooks';
import type { NoteMeta } from '../../components/NoteEditor';
import { deleteNote, saveNote } from '../../lib/db/notes';
import type { Note } from '../../lib/db/records';
import type { BackstoryDB } from '../../lib/db/schema';
import { restoreNote } from '../../lib/notebook/actions';
import type { StatusLine } from './use-status-line';

/**
 * Saving and deleting notes from the notebook, each told on `line`; a deleted note is kept as
 * `undo` until "Undo delete" puts it back.
 */
export function useNoteActions(db: BackstoryDB, line: Pick<StatusLine, 'say' | 'setError'>) {
  const { say, setError } = line;
  const [undo, setUndo] = useState<Note | null>(null);

  /** Saves a new note, or an edit of `noteId` begun on its version `baseUpdatedAt`; resolves to an error or null. */
  async function save(
    cardId: string,
    body: string,
    noteId?: string,
    meta?: NoteMeta,
    baseUpdatedAt?: number,
  ): Promise<string | null> {
    const res = await saveNote(db, { cardId: cardId || undefined, noteId, body, ...meta, baseUpdatedAt });
    if (!res.ok) return res.error;
    say(noteId ? 'Note updated.' : 'Note saved.');
    return null;
  }

  /** Deletes a note and offers to undo it; throws the reason when the database refuses. */
  async function remove(noteId: string): Promise<void> {
    const note = await db.notes.get(noteId);
    const res = await deleteNote(db, noteId);
    if (!res.ok) {
      setError(res.error);
      throw new Error(res.error);
    }
    if (note) setUndo(note);
    say('Note deleted.');
  }

  async function undoDelete() {
    if (!undo) return;
    const res = await restoreNote(db, undo);
    setUndo(null);
    if (res.ok) say('Note restored.');
    else setError(res.error);
  }

  return { undo, save, remove, undoDelete };
}
