import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useFocusOnBack } from './focus-back';
import { ClearHistory } from '../../components/ClearHistory';
import { NotebookEntity } from '../../components/NotebookEntity';
import { NotebookPage } from '../../components/NotebookPage';
import type { BackstoryDB } from '../../lib/db/schema';
import { clearMentions, findCardByName } from '../../lib/notebook/actions';
import { NotesView } from './NotesView';
import { Announcements } from './Announcements';
import { useDraftWatch } from './use-draft-watch';
import { useHashView } from './use-hash-view';
import { useNotebookData } from './use-notebook-data';
import { useNoteActions } from './use-note-actions';
import { useStatusLine } from './use-status-line';

export { captureOfHash, entityOfHash } from './hash';

/**
 * The notebook page: every note (search, filters, edit in place, delete with undo), an entity
 * view at "#entity=<card id>" (its card, its notes, where the reader met it), and the
 * "Clear browsing history" action. Reads Dexie directly through live queries, so changes made
 * in the popup or a hover card appear at once.
 */
export function App({ db }: { db: BackstoryDB }) {
  const main = useRef<HTMLElement>(null);
  const line = useStatusLine();
  const { status, error, say } = line;
  const drafts = useDraftWatch(main);
  const { entityId, pageAt, capture, held, dismissHeld, toList } = useHashView(drafts, line);
  const { all, first, mentionCount, entity } = useNotebookData(db, entityId);
  const { undo, save, remove, undoDelete } = useNoteActions(db, line);

  useEffect(() => {
    document.title = entity.value?.card ? `${entity.value.card.name} · Backstory notebook` : 'Backstory notebook';
  }, [entity.value?.card?.name]);

  const focusOnBack = useFocusOnBack(main, !entityId && !pageAt);

  function back() {
    focusOnBack(entityId);
    toList();
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
        <Announcements
          status={status}
          held={held}
          onOpenHeld={dismissHeld}
          undo={undo}
          onUndo={() => void undoDelete()}
        />
        {body}
      </main>
    </div>
  );
}
