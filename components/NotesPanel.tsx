import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../lib/db/records';
import { NoteEditor } from './NoteEditor';
import { NoteItem } from './NoteItem';
import { ErrorLine } from './ErrorLine';
import type { DraftStore } from '../lib/notebook/note-drafts';
import { type Editing, useNoteDraft } from './use-note-draft';

export interface NotesPanelProps {
  notes: Note[];
  /**
   * Creates (no noteId) or edits a note begun on its version `baseUpdatedAt` (its updatedAt when
   * the editor opened); resolves to an error message, or null on success.
   */
  onSave: (body: string, noteId?: string, baseUpdatedAt?: number) => Promise<string | null>;
  onDelete: (noteId: string) => Promise<void>;
  /**
   * Puts a deleted note back as it was; with it, a deletion offers "Undo" (as the notebook does)
   * rather than being final at one click. Resolves to an error message, or null.
   */
  onRestore?: (note: Note) => Promise<string | null>;
  /**
   * Where the open editor's text is kept as it is typed (lib/notebook/note-drafts.ts); given, the
   * panel opens its editor again on a draft left unsaved when a card or popup closed.
   */
  drafts?: DraftStore;
}

/** Where keyboard focus should go once an editor closes or a note goes away. */
type FocusTarget = null | 'add' | { edit: string };

/**
 * The reader's notes on one entity, newest first, with add, edit and delete.
 * Note bodies are rendered from light Markdown as Preact elements, never as HTML.
 */
export function NotesPanel({ notes, onSave, onDelete, onRestore, drafts }: NotesPanelProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  /** The note just deleted, while "Undo" can bring it back. */
  const [undoable, setUndoable] = useState<Note | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);
  const root = useRef<HTMLElement>(null);

  const sorted = [...notes].sort((a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt);

  // Focus moves after the re-render that shows the button again.
  useEffect(() => {
    if (!focusTarget || !root.current) return;
    const selector =
      focusTarget === 'add' ? '.bs-add-note' : `[data-note-id="${CSS.escape(focusTarget.edit)}"] .bs-edit`;
    const el =
      root.current.querySelector<HTMLElement>(selector) ?? root.current.querySelector<HTMLElement>('.bs-add-note');
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const { open, keep } = useNoteDraft(drafts, notes, editing, setEditing, setStatus);

  function close(target: FocusTarget) {
    open(null);
    setFocusTarget(target);
  }

  async function submit(body: string, noteId?: string, baseUpdatedAt?: number): Promise<string | null> {
    const result = await onSave(body, noteId, baseUpdatedAt);
    if (result === null) {
      setStatus(noteId ? 'Note updated.' : 'Note saved.');
      close(noteId ? { edit: noteId } : 'add');
    }
    return result;
  }

  // "Undo" takes focus as it appears: the Delete button that had it is gone.
  useEffect(() => void (undoable && undoButton.current?.focus()), [undoable]);

  async function remove(noteId: string) {
    if (deleting) return;
    setDeleting(noteId);
    setError(null);
    const note = notes.find((n) => n.id === noteId) ?? null;
    try {
      await onDelete(noteId);
      setStatus('Note deleted.');
      if (editing?.kind === 'edit' && editing.noteId === noteId) open(null);
      if (onRestore && note) setUndoable(note);
      else setFocusTarget('add');
    } catch (e) {
      setError(`Could not delete the note: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setDeleting(null);
    }
  }

  async function undo(note: Note) {
    const failed = (await onRestore?.(note)) ?? null;
    if (failed) return setError(failed);
    setUndoable(null);
    setStatus('Note restored.');
    setFocusTarget({ edit: note.id });
  }

  return (
    <section class="bs-notes" ref={root}>
      <h3 class="bs-notes-title">Your notes</h3>
      <ul aria-label="Notes" role="list">
        {sorted.length === 0 && <li class="bs-note-empty">No notes yet</li>}
        {sorted.map((note) => (
          <li key={note.id} class="bs-note" data-note-id={note.id}>
            {editing?.kind === 'edit' && editing.noteId === note.id ? (
              <>
                {editing.draft !== undefined && <DraftHint />}
                <NoteEditor
                  key={editing.draft === undefined ? 'note' : 'draft'}
                  initial={editing.draft ?? note.body}
                  allowEmpty={!!note.quote}
                  focusOnOpen={editing.draft === undefined || editing.asked === true}
                  onInput={keep}
                  onSubmit={(body) => submit(body, note.id, editing.baseUpdatedAt)}
                  onCancel={() => close({ edit: note.id })}
                />
              </>
            ) : (
              <NoteItem
                note={note}
                busy={deleting === note.id}
                onEdit={() => {
                  setError(null);
                  // The version the editor starts from: a save over a newer one is refused.
                  open({ kind: 'edit', noteId: note.id, baseUpdatedAt: note.updatedAt });
                }}
                onDelete={() => void remove(note.id)}
              />
            )}
          </li>
        ))}
      </ul>
      <ErrorLine message={error} />
      {undoable && (
        <div class="bs-card-actions">
          <span>Note deleted.</span>{' '}
          <button type="button" class="bs-btn" ref={undoButton} onClick={() => void undo(undoable)}>
            Undo
          </button>
        </div>
      )}
      {editing?.kind === 'add' ? (
        <>
          {editing.draft !== undefined && <DraftHint />}
          <NoteEditor
            key={editing.draft === undefined ? 'new' : 'draft'}
            initial={editing.draft ?? ''}
            focusOnOpen={editing.draft === undefined || editing.asked === true}
            onInput={keep}
            onSubmit={(body) => submit(body)}
            onCancel={() => close('add')}
          />
        </>
      ) : (
        <div class="bs-card-actions">
          <button
            type="button"
            class="bs-btn bs-add-note"
            onClick={() => {
              setError(null);
              setStatus('');
              open({ kind: 'add' });
            }}
          >
            Add note
          </button>
        </div>
      )}
      <p role="status" class="bs-status bs-sr">
        {status}
      </p>
    </section>
  );
}

/** Says that the editor below holds words from before, not yet saved. */
function DraftHint() {
  return <p class="bs-muted bs-draft-hint">Unsaved note from before:</p>;
}
