/** The note messages of the background worker: save (create or edit), delete and restore ("Undo"). */
import { deleteNote, saveNote } from '@/lib/db/notes';
import { ok } from '@/lib/db/errors';
import { restoreNote } from '@/lib/notebook/actions';
import type { BackgroundHandlers, HandlerContext } from './handler-context';

/** Builds the handlers of saveNote, deleteNote and restoreNote. */
export function createNoteHandlers({
  db,
}: HandlerContext): Pick<BackgroundHandlers, 'saveNote' | 'deleteNote' | 'restoreNote'> {
  return {
    async saveNote(input, sender) {
      // A note written in a private window keeps no record of the page it was written on.
      const { page, ...rest } = input;
      const saved = await saveNote(db, sender.tab?.incognito ? rest : input);
      return saved.ok ? ok({ note: saved.value }) : saved;
    },

    async deleteNote({ noteId }) {
      return deleteNote(db, noteId);
    },

    restoreNote: ({ note }) => restoreNote(db, note),
  };
}
