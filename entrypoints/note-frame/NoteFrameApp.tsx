import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { NotesPanel } from '../../components/NotesPanel';
import type { SendFn } from '../../components/HoverCard';
import type { Note } from '../../lib/db/records';
import { restorable } from '../../lib/db/note-model';
import type { NoteFrameParams } from '../../lib/messaging/note-frame';
import { ErrorLine } from '../../components/ErrorLine';
import { sessionDrafts } from '../../lib/notebook/note-drafts';

export interface NoteFrameAppProps {
  params: NoteFrameParams;
  send: SendFn;
  /** Tells the card a note (or the card itself) was saved or deleted, so it reloads. */
  onChanged: () => void;
}

/**
 * The notes part of the hover card, running as an extension page inside the card: the reader's
 * notes on one entity and the note editor. Keys typed here stay in this extension document, so
 * the news page cannot log them. It reads and writes through the background like the popup does.
 */
export function NoteFrameApp({ params, send, onChanged }: NoteFrameAppProps) {
  const [cardId, setCardId] = useState<string | null>(params.cardId ?? null);
  // Without a card there are no notes to fetch; with one, the list shows once loaded.
  const [notes, setNotes] = useState<Note[] | null>(params.cardId ? null : []);
  const [error, setError] = useState<string | null>(null);
  const ask = { name: params.name, kind: params.kind, aliases: params.aliases };
  const drafts = useMemo(() => sessionDrafts(params.kind, params.name), [params.kind, params.name]);

  const load = useCallback(async (): Promise<string | null> => {
    const r = await send('getCard', ask);
    if (!r.ok) {
      setError(r.error);
      setNotes((n) => n ?? []);
      return r.error;
    }
    setError(null);
    setCardId(r.value.card?.id ?? null);
    setNotes(r.value.notes);
    return null;
  }, [params.name, params.kind, send]);

  useEffect(() => {
    if (params.cardId) void load();
  }, [params.cardId, load]);

  /** The card's id: the one known, one made since (the card's "Create card", a look-up), or a new one. */
  async function ensureCard(): Promise<{ id: string } | { error: string }> {
    if (cardId) return { id: cardId };
    const found = await send('getCard', ask);
    if (found.ok && found.value.card) return { id: found.value.card.id };
    // A note on a name without a card creates the card first: notes always belong to a card.
    const made = await send('createCard', ask);
    return made.ok ? { id: made.value.card.id } : { error: made.error };
  }

  async function saveNote(body: string, noteId?: string, baseUpdatedAt?: number): Promise<string | null> {
    const card = await ensureCard();
    if ('error' in card) return card.error;
    const id = card.id;
    setCardId(id);
    const r = await send('saveNote', { cardId: id, noteId, body, page: params.page, baseUpdatedAt });
    if (!r.ok) {
      // The card may have been merged or deleted meanwhile: the next try asks for the name's card again.
      setCardId(null);
      return r.error;
    }
    onChanged();
    // Saved, whatever reading the list again gives: a failed read shows its own error, and the
    // editor closes, so a second Save cannot store the note twice.
    await load();
    return null;
  }

  async function deleteNote(noteId: string): Promise<void> {
    const r = await send('deleteNote', { noteId });
    if (!r.ok) throw new Error(r.error);
    onChanged();
    await load();
  }

  async function restoreNote(note: Note): Promise<string | null> {
    const r = await send('restoreNote', { note: restorable(note) });
    if (!r.ok) return r.error;
    onChanged();
    await load();
    return null;
  }

  return (
    <div class="bs-root bs-note-frame">
      <ErrorLine message={error} />
      {notes === null ? (
        <p class="bs-muted">Loading notes…</p>
      ) : (
        <NotesPanel notes={notes} onSave={saveNote} onDelete={deleteNote} onRestore={restoreNote} drafts={drafts} />
      )}
    </div>
  );
}
