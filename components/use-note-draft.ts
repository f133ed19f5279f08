import { useEffect } from 'preact/hooks';
import type { Note } from '../lib/db/records';
import type { DraftStore, NoteDraft } from '../lib/notebook/note-drafts';

/**
 * Which editor of a notes panel is open: none, the one for a new note, or the one for a given
 * note; `draft` is the unsaved text it opens on again.
 */
export type Editing =
  | null
  | { kind: 'add'; draft?: string }
  | { kind: 'edit'; noteId: string; baseUpdatedAt: number; draft?: string };

/** The editor a stored draft opens: on its note if that is still there, else as a new note. */
function reopened(d: NoteDraft, notes: Note[]): Editing {
  const note = d.noteId ? notes.find((n) => n.id === d.noteId) : undefined;
  return note
    ? { kind: 'edit', noteId: note.id, baseUpdatedAt: d.baseUpdatedAt ?? note.updatedAt, draft: d.body }
    : { kind: 'add', draft: d.body };
}

/**
 * A notes panel's draft keeping (lib/notebook/note-drafts.ts). On mount, a draft left unsaved
 * opens its editor again, unless the reader opened one meanwhile; an edit of a note deleted since
 * comes back as a new note (the words are what matters). Returns `open`, which opens (or, with
 * null, closes) the editor the reader chose and drops any other draft, and `keep`, which stores the
 * open editor's text as it is typed.
 */
export function useNoteDraft(
  drafts: DraftStore | undefined,
  notes: Note[],
  editing: Editing,
  setEditing: (update: (open: Editing) => Editing) => void,
  announce: (status: string) => void,
): { open: (next: Editing) => void; keep: (body: string) => void } {
  useEffect(() => {
    let live = true;
    void drafts?.read().then((d) => {
      if (!live || !d) return;
      let restored = false;
      setEditing((open) => {
        if (open) return open;
        restored = true;
        return reopened(d, notes);
      });
      if (restored) announce('Your unsaved note is back.');
    });
    return () => {
      live = false;
    };
  }, [drafts]);

  return {
    open(next) {
      void drafts?.write(null);
      setEditing(() => next);
    },
    keep(body) {
      if (!editing) return;
      // Nothing to get back: an emptied editor, or an edit put back to the note as saved.
      const saved = editing.kind === 'edit' ? notes.find((n) => n.id === editing.noteId)?.body : '';
      if (body.trim() === '' || body === saved) {
        void drafts?.write(null);
        return;
      }
      const target: Omit<NoteDraft, 'body'> =
        editing.kind === 'edit' ? { noteId: editing.noteId, baseUpdatedAt: editing.baseUpdatedAt } : {};
      void drafts?.write({ ...target, body });
    },
  };
}
