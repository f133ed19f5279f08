import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { NOTE_MAX_CHARS } from '../lib/db/records';
import { noteTextError, parseTags } from '../lib/db/note-model';
import { LinkEditor, type LinkedCard } from './LinkEditor';

/** The tags and links the notebook's editor also edits. */
export interface NoteMeta {
  tags: string[];
  cardIds: string[];
}

export interface NoteEditorProps {
  /** Text the editor starts with (the note being edited, or ""). */
  initial: string;
  /** Saves the body (and, with `meta`, the tags and links); resolves to an error message, or null once saved. */
  onSubmit: (body: string, meta?: NoteMeta) => Promise<string | null>;
  onCancel: () => void;
  /** True for a note holding a quote: its body may be empty. */
  allowEmpty?: boolean;
  /** Called with the text as the reader types it (to keep it as a draft). */
  onInput?: (body: string) => void;
  /** False: the editor opens without taking focus (a draft reopened when a card appears under the pointer). */
  focusOnOpen?: boolean;
  /** Given: the editor also edits these tags (a "Tags" field) and these linked cards. */
  meta?: { tags: string[]; links: LinkedCard[]; findCard: (name: string) => Promise<LinkedCard | null> };
}

// Shown as a hint only; both Ctrl and Cmd work everywhere.
const SAVE_KEYS = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘+Enter' : 'Ctrl+Enter';

/** Error text of anything a save promise rejected with. */
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A textarea (accessible name "Note") with "Save note" / "Cancel". Validates with
 * noteBodyError before saving; any error shows in role="alert" and the typed text stays.
 * Ctrl/Cmd+Enter saves; Escape cancels this editor only (it does not reach a hosting card).
 */
export function NoteEditor({
  initial,
  onSubmit,
  onCancel,
  allowEmpty = false,
  meta,
  onInput,
  focusOnOpen = true,
}: NoteEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [tagText, setTagText] = useState(meta?.tags.join(', ') ?? '');
  const [links, setLinks] = useState<LinkedCard[]>(meta?.links ?? []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const errorId = useId();

  useEffect(() => {
    const el = area.current;
    if (!el || !focusOnOpen) return;
    el.focus({ preventScroll: true });
    // Editing starts at the end of the existing text, where one usually adds.
    el.setSelectionRange(el.value.length, el.value.length);
    // In a height-capped hover card the editor opens below the fold: bring the whole form,
    // Save and Cancel included, into view (focus alone would only reveal the textarea).
    form.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  async function save() {
    if (busy) return;
    const body = area.current?.value ?? draft;
    const invalid = noteTextError(body, allowEmpty);
    if (invalid) {
      setError(invalid);
      area.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    let result: string | null;
    try {
      result = await (meta
        ? onSubmit(body, { tags: parseTags(tagText), cardIds: links.map((l) => l.id) })
        : onSubmit(body));
    } catch (e) {
      result = messageOf(e) || 'The note could not be saved.';
    }
    // On success the parent closes the editor; on failure the text stays for another try.
    if (result) {
      setError(result);
      setBusy(false);
      area.current?.focus();
    }
  }

  // On the whole editor (the text, its fields, Save and Cancel): Escape there cancels the editor,
  // never the card around it.
  function onKeyDown(e: JSX.TargetedKeyboardEvent<HTMLFormElement>) {
    if (e.isComposing || e.defaultPrevented) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  }

  const nearLimit = draft.length > NOTE_MAX_CHARS * 0.9;
  return (
    <form
      ref={form}
      class="bs-editor"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span class="bs-sr">Note</span>
        <textarea
          ref={area}
          value={draft}
          placeholder="Write a note…"
          rows={4}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            onInput?.(e.currentTarget.value);
          }}
        />
      </label>
      {meta && (
        <>
          <label class="bs-field">
            <span>Tags</span>
            <input
              type="text"
              value={tagText}
              placeholder="Comma-separated, e.g. nato, summit"
              onInput={(e) => setTagText(e.currentTarget.value)}
            />
          </label>
          <LinkEditor links={links} onChange={setLinks} findCard={meta.findCard} />
        </>
      )}
      {nearLimit && (
        <p class="bs-muted">
          {draft.length.toLocaleString('en')} / {NOTE_MAX_CHARS.toLocaleString('en')} characters
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" class="bs-error">
          {error}
        </p>
      )}
      <div class="bs-editor-row">
        <button type="submit" class="bs-btn bs-btn-primary" disabled={busy}>
          Save note
        </button>
        <button type="button" class="bs-btn" onClick={onCancel}>
          Cancel
        </button>
        <span class="bs-muted" aria-hidden="true">
          {SAVE_KEYS} to save
        </span>
      </div>
    </form>
  );
}
