import { useEffect, useRef } from 'preact/hooks';
import type { Note } from '../lib/db/records';
import type { DraftStore, NoteDraft } from '../lib/notebook/note-drafts';

/**
 * Which editor of a notes panel is open: none, the one for a new note, or the one for a given
 * note; `draft` is the unsaved text it opens on again, and `asked` marks an editor the reader
 * opened (it takes focus, even on a draft).
 */
export type Editing =
  | null
  | { kind: 'add'; draft?: string; asked?: true }
  | { kind: 'edit'; noteId: string; baseUpdatedAt: number; draft?: string; asked?: true };

/**
 * How long (ms) an editor the reader opens waits for the stored draft, when the panel is still
 * reading it (session storage answers in a few ms). Opened at once, the editor would replace the
 * draft before the reader ever saw it; a read that never answers must not keep the editor shut.
 */
export const DRAFT_WAIT_MS = 200;

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
 * open editor's text as it is typed. An editor opened while the draft is still being read waits
 * for it (up to DRAFT_WAIT_MS): a draft found then opens instead, focused, as it would have had
 * the reader been a moment slower. A draft read later still takes the editor until the reader types
 * in it; nothing is dropped before it was read.
 */
export function useNoteDraft(
  drafts: DraftStore | undefined,
  notes: Note[],
  editing: Editing,
  setEditing: (update: (open: Editing) => Editing) => void,
  announce: (status: string) => void,
): { open: (next: Editing) => void; keep: (body: string) => void } {
  /** The stored draft's read while it is under way (null once it answered or the panel went). */
  const reading = useRef<Promise<NoteDraft | null> | null>(null);
  const mounted = useRef(true);
  /** The panel's draft store now: a wait that began with another (another name's notes) ends in nothing. */
  const store = useRef(drafts);
  store.current = drafts;
  /** Counts the editors the reader asked for: a wait ends in an editor only for the latest. */
  const calls = useRef(0);
  /** True while an editor the reader asked for waits for the read. */
  const asked = useRef(false);
  /** True once the reader typed in the open editor: a draft read late does not replace their words. */
  const typed = useRef(false);
  useEffect(() => {
    let live = true;
    mounted.current = true;
    // A store that fails is as good as an empty one.
    const read = drafts ? drafts.read().catch(() => null) : null;
    reading.current = read;
    void read?.then((d) => {
      if (reading.current === read) reading.current = null;
      if (!live || !d) return;
      let restored = false;
      setEditing((open) => {
        if (open && typed.current) return open;
        restored = true;
        const editor = reopened(d, notes);
        // The reader asked for an editor (still waiting, or opened empty when the wait gave up): focused.
        return editor && (asked.current || open) ? { ...editor, asked: true } : editor;
      });
      if (restored) announce('Your unsaved note is back.');
    });
    return () => {
      live = false;
      mounted.current = false;
      reading.current = null;
    };
  }, [drafts]);

  return {
    open(next) {
      typed.current = false;
      const read = reading.current;
      if (!read || !next) {
        void drafts?.write(null);
        return setEditing(() => next);
      }
      const call = ++calls.current;
      const from = drafts;
      asked.current = true;
      const late = new Promise<undefined>((resolve) => setTimeout(resolve, DRAFT_WAIT_MS));
      void Promise.race([read, late]).then((d) => {
        if (call !== calls.current) return; // a later click chose another editor
        asked.current = false;
        // A draft found was opened by the read's own handler. Otherwise the reader's choice opens;
        // a draft still unread stays stored, and takes the editor if it comes before the reader types.
        if (!mounted.current || store.current !== from || d) return;
        setEditing(() => next);
      });
    },
    keep(body) {
      if (!editing) return;
      typed.current = true;
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
