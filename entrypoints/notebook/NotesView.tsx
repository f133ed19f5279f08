import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NotebookFilters } from '../../components/NotebookFilters';
import { EDIT_ROW_HEIGHT, NotebookRow, ROW_HEIGHT } from '../../components/NotebookRow';
import { VirtualList } from '../../components/VirtualList';
import type { Card } from '../../lib/db/records';
import type { NoteFilters } from '../../lib/notebook/filters';
import { sitesOf, visibleNotes } from '../../lib/notebook/filters';
import { type NotebookNote, NoteSearch } from '../../lib/notebook/search';

export interface NotesViewProps {
  notes: NotebookNote[];
  /** The cards the notes are on, by id. */
  cards: ReadonlyMap<string, Card>;
  /** Saves an edited note body; resolves to an error message, or null once saved. */
  onSave: (note: NotebookNote, body: string) => Promise<string | null>;
  onDelete: (note: NotebookNote) => Promise<void>;
}

/** Every note, newest first (or best match first while searching), with search and filters. */
export function NotesView({ notes, cards, onSave, onDelete }: NotesViewProps) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<NoteFilters>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [indexed, setIndexed] = useState(0);
  const [focusEdit, setFocusEdit] = useState<string | null>(null);
  const search = useRef(new NoteSearch());
  const root = useRef<HTMLDivElement>(null);

  // The index follows the notes; each finished sync re-runs the current search.
  useEffect(() => {
    let live = true;
    void search.current.sync(notes, cards).then(() => live && setIndexed((n) => n + 1));
    return () => {
      live = false;
    };
  }, [notes, cards]);

  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const ranked = useMemo(() => search.current.search(query), [query, indexed]);
  const visible = useMemo(() => visibleNotes(notes, ranked, filters, byId), [notes, ranked, filters, byId]);
  const heightsKey = useMemo(() => ({}), [visible, editing]);
  const sites = useMemo(() => sitesOf(notes), [notes]);
  const entities = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of notes) counts.set(n.cardId, (counts.get(n.cardId) ?? 0) + 1);
    return [...counts]
      .flatMap(([id, count]) => {
        const card = cards.get(id);
        return card ? [{ id, name: card.name, count }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [notes, cards]);

  // After an edit closes, the keyboard goes back to that note's "Edit" button.
  useEffect(() => {
    if (!focusEdit) return;
    root.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(focusEdit)}"] .bs-edit`)?.focus();
    setFocusEdit(null);
  }, [focusEdit, notes]);

  const searching = query.trim() !== '';
  const stillIndexing = searching && search.current.size < notes.length;
  const n = visible.length;
  const countText =
    searching || filters.cardId || filters.site || filters.from || filters.to
      ? `${n.toLocaleString('en')} of ${notes.length.toLocaleString('en')} notes match`
      : `${notes.length.toLocaleString('en')} ${notes.length === 1 ? 'note' : 'notes'}`;

  return (
    <div class="nb-notes" ref={root}>
      <NotebookFilters
        query={query}
        onQuery={setQuery}
        filters={filters}
        onFilters={setFilters}
        entities={entities}
        sites={sites}
      />
      <p class="bs-muted nb-count" aria-live="polite">
        {countText}
        {stillIndexing ? ' (still indexing…)' : ''}
      </p>
      {notes.length === 0 ? (
        <p class="nb-empty">No notes yet. Notes you write on a card, in the popup or on a page, appear here.</p>
      ) : n === 0 ? (
        <p class="nb-empty">No note matches. Try fewer words or clear the filters.</p>
      ) : (
        <VirtualList
          label="Notes"
          count={n}
          rowKey={(i) => visible[i]?.id ?? String(i)}
          rowHeight={(i) => (visible[i]?.id === editing ? EDIT_ROW_HEIGHT : ROW_HEIGHT)}
          heightsKey={heightsKey}
          scrollTo={editing ? visible.findIndex((x) => x.id === editing) : null}
          renderRow={(i) => {
            const note = visible[i];
            if (!note) return null;
            return (
              <NotebookRow
                note={note}
                entityName={cards.get(note.cardId)?.name ?? ''}
                editing={editing === note.id}
                busy={busy === note.id}
                onEdit={() => setEditing(note.id)}
                onCancel={() => {
                  setEditing(null);
                  setFocusEdit(note.id);
                }}
                onSave={async (body) => {
                  const error = await onSave(note, body);
                  if (!error) {
                    setEditing(null);
                    setFocusEdit(note.id);
                  }
                  return error;
                }}
                onDelete={() => {
                  setBusy(note.id);
                  void onDelete(note).finally(() => setBusy(null));
                }}
              />
            );
          }}
        />
      )}
    </div>
  );
}
