import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ClearHistory } from '../../components/ClearHistory';
import { NotebookEntity } from '../../components/NotebookEntity';
import { listMentions } from '../../lib/db/mentions';
import { deleteNote, listNotes, saveNote } from '../../lib/db/notes';
import type { Card, Note } from '../../lib/db/records';
import type { BackstoryDB } from '../../lib/db/schema';
import { clearMentions, restoreNote } from '../../lib/notebook/actions';
import type { NotebookNote } from '../../lib/notebook/search';
import { NotesView } from './NotesView';
import { useLive } from './use-live';

/** The card id in "#entity=<id>", or null for the list of notes. */
export function entityOfHash(hash: string): string | null {
  const m = /^#entity=(.+)$/.exec(hash);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/** Every note with the cards they are on. */
async function loadNotes(db: BackstoryDB): Promise<{ notes: NotebookNote[]; cards: Map<string, Card> }> {
  return db.transaction('r', db.notes, db.cards, async () => {
    const notes = await db.notes.toArray();
    const ids = [...new Set(notes.map((n) => n.cardId))];
    const cards = new Map<string, Card>();
    for (const c of await db.cards.bulkGet(ids)) if (c) cards.set(c.id, c);
    return { notes, cards };
  });
}

/**
 * The notebook page: every note (search, filters, edit in place, delete with undo), an entity
 * view at "#entity=<card id>" (its card, its notes, where the reader met it), and the
 * "Clear browsing history" action. Reads Dexie directly through live queries, so changes made
 * in the popup or a hover card appear at once.
 */
export function App({ db }: { db: BackstoryDB }) {
  const [entityId, setEntityId] = useState(() => entityOfHash(location.hash));
  const [undo, setUndo] = useState<Note | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  const all = useLive(() => loadNotes(db), [db]);
  const mentionCount = useLive(() => db.mentions.count(), [db]);
  const entity = useLive(
    async () =>
      entityId
        ? {
            card: (await db.cards.get(entityId)) ?? null,
            notes: await listNotes(db, entityId),
            mentions: await listMentions(db, entityId),
          }
        : null,
    [db, entityId],
  );

  useEffect(() => {
    const onHash = () => setEntityId(entityOfHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => void (undo && undoButton.current?.focus()), [undo]);
  useEffect(() => {
    document.title = entity.value?.card ? `${entity.value.card.name} · Backstory notebook` : 'Backstory notebook';
  }, [entity.value?.card?.name]);

  function say(message: string) {
    setError(null);
    setStatus(message);
  }

  async function save(cardId: string, body: string, noteId?: string): Promise<string | null> {
    const res = await saveNote(db, { cardId, noteId, body });
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

  function back() {
    setEntityId(null);
    if (location.hash) history.pushState(null, '', location.pathname + location.search);
  }

  let body: ComponentChildren;
  if (entityId) {
    const v = entity.value;
    body = v ? (
      <NotebookEntity
        card={v.card}
        notes={v.notes}
        mentions={v.mentions}
        onSave={(text, noteId) => save(entityId, text, noteId)}
        onDelete={remove}
        onBack={back}
      />
    ) : (
      <p class="bs-muted">Loading…</p>
    );
  } else if (all.value) {
    body = (
      <NotesView
        notes={all.value.notes}
        cards={all.value.cards}
        onSave={(note, text) => save(note.cardId, text, note.id)}
        onDelete={(note) => remove(note.id).catch(() => undefined)}
      />
    );
  } else {
    body = all.error ? null : <p class="bs-muted">Opening your notebook…</p>;
  }

  const loadError = all.error ?? entity.error ?? mentionCount.error;
  return (
    <div class="bs-root nb-page">
      <header class="nb-header">
        <h1 class="nb-title">Backstory notebook</h1>
        <nav aria-label="Notebook">
          <a class="bs-btn" href="/options.html">
            Export, import and storage
          </a>
        </nav>
        <ClearHistory
          count={mentionCount.value ?? 0}
          onClear={async () => {
            const res = await clearMentions(db);
            if (!res.ok) throw new Error(res.error);
            say('Browsing history cleared.');
          }}
        />
      </header>
      <main class="nb-main">
        {!entityId && <h2 class="nb-h2">Notes</h2>}
        {(error || loadError) && (
          <p role="alert" class="bs-error">
            {error ?? `Could not read your notebook: ${loadError}`}
          </p>
        )}
        <div class="nb-announce">
          <p role="status" class="bs-status">
            {status}
          </p>
          {undo && (
            <button type="button" class="bs-btn" ref={undoButton} onClick={() => void undoDelete()}>
              Undo delete
            </button>
          )}
        </div>
        {body}
      </main>
    </div>
  );
}
