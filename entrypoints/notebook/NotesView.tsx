import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NotebookFilters } from '../../components/NotebookFilters';
import { EDIT_ROW_HEIGHT, NotebookRow, ROW_HEIGHT } from '../../components/NotebookRow';
import { VirtualList } from '../../components/VirtualList';
import type { LinkedCard } from '../../components/LinkEditor';
import type { NoteMeta } from '../../components/NoteEditor';
import { noteCardIds } from '../../lib/db/note-model';
import type { Card } from '../../lib/db/records';
import type { NoteFilters } from '../../lib/notebook/filters';
import { anyFilter, sitesOf, tagsOf, visibleNotes } from '../../lib/notebook/filters';
import { type NotebookNote, NoteSearch } from '../../lib/notebook/search';

export interface NotesViewProps {
  notes: NotebookNote[];
  /** The cards the notes are on, by id. */
  cards: ReadonlyMap<string, Card>;
  /**
   * Saves an edited note body (with its tags and links) over the version the editor opened with
   * (its updatedAt); resolves to an error message, or null once saved.
   */
  onSave: (
    note: NotebookNote,
    body: string,
    meta: NoteMeta | undefined,
    baseUpdatedAt: number,
  ) => Promise<string | null>;
  onDelete: (note: NotebookNote) => Promise<void>;
  /** The card a typed name stands for (linking an entity while editing). */
  findCard: (name: string) => Promise<LinkedCard | null>;
  /** A note to show and open for editing (a quote just saved), once it is in `notes`. */
  focusNote?: string | null;
  /** True while `notes` are only the newest few (the rest is still being read). */
  partial?: boolean;
}

/** Every note, newest first (or best match first while searching), with search and filters. */
export function NotesView({ notes, cards, onSave, onDelete, findCard, focusNote, partial = false }: NotesViewProps) {
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
  // The note being edited, as last seen: if it is deleted elsewhere meanwhile, its row (and the
  // reader's unsaved text) stays until they save (and learn why it failed) or cancel.
  const editedCopy = useRef<NotebookNote | null>(null);
  if (editing && byId.has(editing)) editedCopy.current = byId.get(editing) ?? null;
  const visible = useMemo(() => {
    const list = visibleNotes(notes, ranked, filters, byId);
    const kept = editedCopy.current;
    return editing && kept?.id === editing && !byId.has(editing) ? [kept, ...list] : list;
  }, [notes, ranked, filters, byId, editing]);
  const heightsKey = useMemo(() => ({}), [visible, editing]);
  const sites = useMemo(() => sitesOf(notes), [notes]);
  const tags = useMemo(() => tagsOf(notes), [notes]);
  const entities = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of notes) for (const id of noteCardIds(n)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts]
      .flatMap(([id, count]) => {
        const card = cards.get(id);
        return card ? [{ id, name: card.name, count }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [notes, cards]);

  // A note just captured opens for editing (its comment, tags, links), whatever the search.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNote || focused.current === focusNote || !byId.has(focusNote)) return;
    focused.current = focusNote; // once per capture, not on every later change of the notes
    setQuery('');
    setFilters({});
    setEditing(focusNote);
  }, [focusNote, byId]);

  // After an edit closes, the keyboard goes back to that note's "Edit" button.
  useEffect(() => {
    if (!focusEdit) return;
    root.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(focusEdit)}"] .bs-edit`)?.focus();
    setFocusEdit(null);
  }, [focusEdit, notes]);

  const searching = query.trim() !== '';
  const stillIndexing = searching && search.current.size < notes.length;
  const n = visible.length;
  const countText = partial
    ? 'Newest notes; loading the rest…'
    : searching || anyFilter(filters)
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
        tags={tags}
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
                entities={noteCardIds(note).flatMap((id) => {
                  const card = cards.get(id);
                  return card ? [{ id, name: card.name }] : [];
                })}
                findCard={findCard}
                editing={editing === note.id}
                busy={busy === note.id}
                onEdit={() => setEditing(note.id)}
                onCancel={() => {
                  setEditing(null);
                  setFocusEdit(note.id);
                }}
                onSave={async (body, meta, baseUpdatedAt) => {
                  const error = await onSave(note, body, meta, baseUpdatedAt);
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
