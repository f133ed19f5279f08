import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusOnBack } from './focus-back';
import { ClearHistory } from '../../components/ClearHistory';
import { NotebookEntity } from '../../components/NotebookEntity';
import { NotebookPage, pageOfHash } from '../../components/NotebookPage';
import { countMentions, listMentions } from '../../lib/db/mentions';
import { deleteNote, listNotes, saveNote } from '../../lib/db/notes';
import { loadNotebook, loadNotebookPage } from '../../lib/notebook/load';
import type { NoteMeta } from '../../components/NoteEditor';
import type { Note } from '../../lib/db/records';
import type { BackstoryDB } from '../../lib/db/schema';
import { clearMentions, findCardByName, restoreNote } from '../../lib/notebook/actions';
import { NotesView } from './NotesView';
import { useLiveQuery } from '../../components/use-live-query';
import { draftWatch } from './drafts';
import { type Capture, captureOfHash, entityOfHash, heldText } from './hash';

export { captureOfHash, entityOfHash } from './hash';

/** Notes shown before the whole notebook is read. */
const FIRST_PAGE = 40;

/**
 * The notebook page: every note (search, filters, edit in place, delete with undo), an entity
 * view at "#entity=<card id>" (its card, its notes, where the reader met it), and the
 * "Clear browsing history" action. Reads Dexie directly through live queries, so changes made
 * in the popup or a hover card appear at once.
 */
export function App({ db }: { db: BackstoryDB }) {
  const [entityId, setEntityId] = useState(() => entityOfHash(location.hash));
  const [pageAt, setPageAt] = useState(() => pageOfHash(location.hash));
  const [capture, setCapture] = useState(() => captureOfHash(location.hash));
  // A capture that arrived while the reader had an unsaved draft: offered, not shown (see onHash).
  const [held, setHeld] = useState<Capture | null>(null);
  const [undo, setUndo] = useState<Note | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const main = useRef<HTMLElement>(null);
  const drafts = useRef(draftWatch()).current;
  // The address of what is on screen, put back when a capture is held.
  const shownHash = useRef(location.hash);

  const all = useLiveQuery(() => loadNotebook(db), [db]);
  // The newest notes come first through an index, so the list paints before everything is read.
  const first = useLiveQuery(
    () => (all.value ? Promise.resolve(null) : loadNotebookPage(db, FIRST_PAGE)),
    [db, !all.value],
  );
  const mentionCount = useLiveQuery(() => countMentions(db), [db]);
  const entity = useLiveQuery(
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

  // The worker shows each capture by changing this tab's address (quote-capture.ts showInNotebook),
  // which would replace the view and with it whatever the reader was typing. So a capture takes
  // over only when no editor holds unsaved changes; otherwise the draft stays on screen and the
  // capture is announced, with a link that opens it in a new tab. The notebook decides, not the
  // worker: only the page knows its drafts, and asking it first would need a message round trip.
  useEffect(() => {
    const onHash = () => {
      const next = captureOfHash(location.hash);
      if (drafts.unsaved()) {
        if (next.note || next.card || next.error) return holdCapture(next);
        // The reader's own move (an entity link, Back) would lose the draft: only if they say so.
        if (!confirm('Leave this view? The note you are writing is not saved.')) return keepView();
      }
      shownHash.current = location.hash;
      setHeld(null);
      setEntityId(entityOfHash(location.hash));
      setPageAt(pageOfHash(location.hash));
      setCapture(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // Typing anywhere in an editor (capture phase: the editors' own handlers cannot hide it).
  useEffect(() => {
    const el = main.current;
    if (!el) return;
    el.addEventListener('input', drafts.touched, true);
    el.addEventListener('click', drafts.touched, true);
    return () => {
      el.removeEventListener('input', drafts.touched, true);
      el.removeEventListener('click', drafts.touched, true);
    };
  }, []);
  useEffect(() => void (undo && undoButton.current?.focus()), [undo]);
  useEffect(() => {
    document.title = entity.value?.card ? `${entity.value.card.name} · Backstory notebook` : 'Backstory notebook';
  }, [entity.value?.card?.name]);

  function say(message: string) {
    setError(null);
    setStatus(message);
  }

  useEffect(() => {
    if (capture.note) say('Quote saved. Add a comment, tags or more entities, or leave it as it is.');
    else if (capture.card) say('Card created. Add a note to it, or leave it as it is.');
    else if (capture.error) setError(`The selection was not saved: ${capture.error}`);
  }, [capture.note, capture.card, capture.error]);

  /** Puts the address back to the view still shown, so Back and reload agree with the screen. */
  function keepView() {
    history.replaceState(history.state, '', location.pathname + location.search + shownHash.current);
  }

  /** Announces a capture without leaving the view, so the draft on screen is kept. */
  function holdCapture(next: Capture) {
    keepView();
    if (next.error) {
      setError(`The selection was not saved: ${next.error}`);
      return;
    }
    setHeld(next);
    const text = heldText(next);
    if (text) say(text.status);
  }

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

  const focusOnBack = useFocusOnBack(main, !entityId && !pageAt);

  function back() {
    focusOnBack(entityId);
    setEntityId(null);
    setPageAt(null);
    shownHash.current = '';
    if (location.hash) history.pushState(null, '', location.pathname + location.search);
  }

  let body: ComponentChildren;
  if (pageAt) {
    body = <NotebookPage db={db} url={pageAt} onBack={back} />;
  } else if (entityId) {
    const v = entity.value;
    body = v ? (
      <NotebookEntity
        card={v.card}
        notes={v.notes}
        mentions={v.mentions}
        onSave={(text, noteId, baseUpdatedAt) => save(entityId, text, noteId, undefined, baseUpdatedAt)}
        onDelete={remove}
        onBack={back}
        db={db}
      />
    ) : (
      <p class="bs-muted">Loading…</p>
    );
  } else if (all.value || first.value) {
    const shown = all.value ?? first.value ?? { notes: [], cards: new Map() };
    body = (
      <NotesView
        notes={shown.notes}
        cards={shown.cards}
        partial={!all.value}
        onSave={(note, text, meta, baseUpdatedAt) => save('', text, note.id, meta, baseUpdatedAt)}
        onDelete={(note) => remove(note.id).catch(() => undefined)}
        findCard={(name) => findCardByName(db, name)}
        focusNote={capture.note}
      />
    );
  } else {
    body = all.error ? null : <p class="bs-muted">Opening your notebook…</p>;
  }

  const loadError = all.error ?? entity.error ?? mentionCount.error;
  const offer = held && heldText(held);
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
      <main class="nb-main" ref={main}>
        {!entityId && !pageAt && <h2 class="nb-h2">Notes</h2>}
        {(error || loadError) && (
          <p role="alert" class="bs-error">
            {error ?? `Could not read your notebook: ${loadError}`}
          </p>
        )}
        <div class="nb-announce">
          <p role="status" class="bs-status">
            {status}
          </p>
          {offer && (
            <a
              class="bs-btn"
              href={location.pathname + offer.hash}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => setHeld(null)}
            >
              {offer.link}
            </a>
          )}
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
