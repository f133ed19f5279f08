import { useRef } from 'preact/hooks';
import { siteOf } from '../lib/notebook/filters';
import type { NotebookNote } from '../lib/notebook/search';
import { safeHref } from './CardView';
import type { LinkedCard } from './LinkEditor';
import { NoteBody } from './NoteBody';
import { NoteEditor, type NoteMeta } from './NoteEditor';
import { NoteActions, NoteTime, noteGist } from './NoteItem';

/** Height of a row showing a note, and of one being edited (VirtualList lays rows out by these). */
export const ROW_HEIGHT = 136;
export const EDIT_ROW_HEIGHT = 440;

export interface NotebookRowProps {
  note: NotebookNote;
  /** The note's linked cards that still exist, in link order. */
  entities: LinkedCard[];
  editing: boolean;
  busy: boolean;
  onEdit: () => void;
  onCancel: () => void;
  /**
   * Saves an edited body, tags and links over the note as it was when the editor opened
   * (`baseUpdatedAt`); resolves to an error message, or null once saved.
   */
  onSave: (body: string, meta: NoteMeta | undefined, baseUpdatedAt: number) => Promise<string | null>;
  onDelete: () => void;
  /** The card a typed name stands for (to link one more entity while editing). */
  findCard: (name: string) => Promise<LinkedCard | null>;
}

/**
 * One note in the notebook list: its entities (links to the entity view), when and where it was
 * written, its quote and tags, the body (light Markdown as elements, clamped to a few lines;
 * the full text is in the editor and the entity view), and "Edit note" / "Delete note".
 */
export function NotebookRow({
  note,
  entities,
  editing,
  busy,
  onEdit,
  onCancel,
  onSave,
  onDelete,
  findCard,
}: NotebookRowProps) {
  const gist = noteGist(note.body, note.quote?.exact);
  const href = safeHref(note.page?.url);
  const site = siteOf(note);
  const about = entities.map((e) => e.name).join(', ') || (note.quote ? 'a page' : 'a deleted card');
  // The version the editor's text started from: the list shows newer copies of the note as they
  // are saved elsewhere, but the save must be checked against the one the reader began editing.
  const base = useRef<number | null>(null);
  base.current = editing ? (base.current ?? note.updatedAt) : null;
  const startedFrom = base.current ?? note.updatedAt;
  return (
    <article class="nb-note" aria-label={`Note on ${about}: ${gist}`} data-note-id={note.id}>
      <div class="nb-note-head bs-muted">
        {entities.map((e) => (
          <a key={e.id} class="nb-entity-link" href={`#entity=${encodeURIComponent(e.id)}`}>
            {e.name}
          </a>
        ))}
        {entities.length === 0 && <span>{note.quote ? 'No entity linked' : 'Card deleted'}</span>}
        <NoteTime ts={note.createdAt} />
        {href && note.page && (
          <a class="nb-page-link" href={href} target="_blank" rel="noopener noreferrer" title={note.page.title || href}>
            {note.page.title || site}
          </a>
        )}
        {site && <span class="nb-site">{site}</span>}
      </div>
      {note.quote && <blockquote class="nb-quote">{note.quote.exact}</blockquote>}
      {editing ? (
        <NoteEditor
          initial={note.body}
          allowEmpty={!!note.quote}
          onSubmit={(body, meta) => onSave(body, meta, startedFrom)}
          onCancel={onCancel}
          meta={{ tags: note.tags ?? [], links: entities, findCard }}
        />
      ) : (
        <>
          {note.body.trim() && <NoteBody body={note.body} class="nb-body" />}
          <div class="nb-note-foot">
            {note.tags && note.tags.length > 0 && (
              <ul class="nb-tags" aria-label="Tags">
                {note.tags.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            )}
            <NoteActions gist={gist} busy={busy} onEdit={onEdit} onDelete={onDelete} />
          </div>
        </>
      )}
    </article>
  );
}
