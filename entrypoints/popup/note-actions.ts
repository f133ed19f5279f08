/** What the popup's notes panel does: save, delete and restore the entity's notes. */
import { restorable } from '../../lib/db/note-model';
import type { Note, PageRef } from '../../lib/db/records';
import type { PopupDeps } from './deps';

/** What the notes panel needs from the entity's view. */
export interface NoteActionsContext {
  deps: PopupDeps;
  /** The page notes are written on; absent in a private window, where no page is recorded. */
  page?: PageRef;
  /** The entity's card, if it has one. */
  cardId: string | undefined;
  /** Creates the entity's card and resolves to its id. */
  createCard: () => Promise<string>;
  /** Reads the card and its notes again. */
  load: () => Promise<unknown>;
}

/** The handlers of NotesPanel for the notes of `cardId`. */
export function noteActions({ deps, page, cardId, createCard, load }: NoteActionsContext) {
  async function saveNote(body: string, noteId?: string, baseUpdatedAt?: number): Promise<string | null> {
    try {
      // A note needs a card to belong to: make one first for a name without a card.
      const id = cardId ?? (await createCard());
      // No page in a private window: the note keeps no address or title of it (README). An edit
      // names the version it began on, so a newer one saved elsewhere meanwhile is not overwritten.
      const res = await deps.sendToBackground('saveNote', {
        cardId: id,
        noteId,
        body,
        ...(page ? { page } : {}),
        ...(baseUpdatedAt !== undefined ? { baseUpdatedAt } : {}),
      });
      if (!res.ok) return res.error;
      await load();
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  async function deleteNote(noteId: string): Promise<void> {
    const res = await deps.sendToBackground('deleteNote', { noteId });
    if (!res.ok) throw new Error(res.error);
    await load();
  }

  async function restoreNote(note: Note): Promise<string | null> {
    const res = await deps.sendToBackground('restoreNote', { note: restorable(note) });
    if (!res.ok) return res.error;
    await load();
    return null;
  }

  return { saveNote, deleteNote, restoreNote };
}
