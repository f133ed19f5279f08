import { siteOf } from '../lib/notebook/filters';
import type { NotebookNote } from '../lib/notebook/search';
import { safeHref } from './CardView';
import { NoteEditor } from './NoteEditor';
import { NoteActions, noteGist, relativeTime } from './NoteItem';

/** Height of a row showing a note, and of one being edited (VirtualList lays rows out by these). */
export const ROW_HEIGHT = 124;
export const EDIT_ROW_HEIGHT = 260;

export interface NotebookRowProps {
  note: NotebookNote;
  /** Name of the note's card ('' when the card is gone). */
  entityName: string;
  editing: boolean;
  busy: boolean;
  onEdit: () => void;
  onCancel: () => void;
  /** Saves an edited body; resolves to an error message, or null once saved. */
  onSave: (body: string) => Promise<string | null>;
  onDelete: () => void;
}

/**
 * One note in the notebook list: its entity (a link to the entity view), when and where it was
 * written, its quote and tags when it has them, the body (clamped to a few lines; the full
 * text is in the editor and the entity view), and "Edit note" / "Delete note".
 * Everything is rendered as text nodes.
 */
export function NotebookRow({ note, entityName, editing, busy, onEdit, onCancel, onSave, onDelete }: NotebookRowProps) {
  const gist = noteGist(note.body);
  const href = safeHref(note.page?.url);
  const site = siteOf(note);
  return (
    <article class="nb-note" aria-label={`Note on ${entityName || 'a deleted card'}: ${gist}`} data-note-id={note.id}>
      <div class="nb-note-head bs-muted">
        {entityName ? (
          <a class="nb-entity-link" href={`#entity=${encodeURIComponent(note.cardId)}`}>
            {entityName}
          </a>
        ) : (
          <span>Card deleted</span>
        )}
        <time
          dateTime={new Date(note.createdAt).toISOString()}
          title={new Date(note.createdAt).toLocaleString('en-GB')}
        >
          {relativeTime(note.createdAt)}
        </time>
        {href && note.page && (
          <a class="nb-page-link" href={href} target="_blank" rel="noopener noreferrer" title={note.page.title || href}>
            {note.page.title || site}
          </a>
        )}
        {site && <span class="nb-site">{site}</span>}
      </div>
      {editing ? (
        <NoteEditor initial={note.body} onSubmit={onSave} onCancel={onCancel} />
      ) : (
        <>
          {note.quote && <blockquote class="nb-quote">{note.quote}</blockquote>}
          <p class="nb-body">{note.body}</p>
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
