import type { Note } from '../lib/db/records';
import { safeHref } from './CardView';
import { NoteBody } from './NoteBody';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Short relative date for a note: "just now", "5 min ago", "3 hours ago", "yesterday",
 * "4 days ago", then a plain date ("12 Oct 2021").
 */
export function relativeTime(ts: number, now: number = Date.now()): string {
  const diff = Math.max(0, now - ts);
  if (diff < 45_000) return 'just now';
  if (diff < 45 * MINUTE) return `${Math.max(1, Math.round(diff / MINUTE))} min ago`;
  if (diff < 22 * HOUR) {
    const h = Math.max(1, Math.round(diff / HOUR));
    return `${h} ${h === 1 ? 'hour' : 'hours'} ago`;
  }
  if (diff < 2 * DAY) return 'yesterday';
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)} days ago`;
  return new Date(ts).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The first few words of a note (or of its quote), to tell its buttons apart for screen-reader users. */
export function noteGist(body: string, quote?: string): string {
  const words = (body.trim() || quote?.trim() || '').split(/\s+/).slice(0, 6).join(' ');
  return words.length > 40 ? `${words.slice(0, 39)}…` : words;
}

/**
 * A note's time as `<time>`, read relatively ("3 days ago"), the full date in its title. A time no
 * Date can hold (stored by a version whose import did not check times) shows as "date unknown"
 * instead of throwing.
 */
export function NoteTime({ ts, prefix = '' }: { ts: number; prefix?: string }) {
  const date = new Date(ts);
  if (Number.isNaN(date.getTime())) return <span>date unknown</span>;
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString('en-GB')}>
      {prefix}
      {relativeTime(ts)}
    </time>
  );
}

export interface NoteItemProps {
  note: Note;
  /** True while this note is being deleted. */
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** One note: its quote, its body (light Markdown, rendered as elements), date, page link and actions. */
export function NoteItem({ note, busy, onEdit, onDelete }: NoteItemProps) {
  const gist = noteGist(note.body, note.quote?.exact);
  const pageHref = safeHref(note.page?.url);
  const edited = note.updatedAt > note.createdAt + 1000;
  return (
    <>
      {note.quote && <blockquote class="bs-note-quote">{note.quote.exact}</blockquote>}
      {note.body.trim() && <NoteBody body={note.body} class="bs-note-body" />}
      <div class="bs-note-meta bs-muted">
        <NoteTime ts={note.updatedAt} prefix={edited ? 'edited ' : ''} />
        {note.page && pageHref && (
          <a href={pageHref} target="_blank" rel="noopener noreferrer" title={note.page.title || pageHref}>
            {note.page.title || new URL(pageHref).hostname}
          </a>
        )}
        <span>
          <NoteActions gist={gist} busy={busy} onEdit={onEdit} onDelete={onDelete} />
        </span>
      </div>
    </>
  );
}

/** Props of {@link NoteActions}. */
export interface NoteActionsProps {
  /** The note's first words, naming the buttons for screen readers ("Edit note: …"). */
  gist: string;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** The Edit and Delete buttons of a note, shared by the notes panel and the notebook. */
export function NoteActions({ gist, busy, onEdit, onDelete }: NoteActionsProps) {
  return (
    <>
      <button
        type="button"
        class="bs-btn bs-btn-link bs-edit"
        aria-label={`Edit note: ${gist}`}
        onClick={onEdit}
        disabled={busy}
      >
        Edit
      </button>
      <button
        type="button"
        class="bs-btn bs-btn-link bs-btn-danger"
        aria-label={`Delete note: ${gist}`}
        onClick={onDelete}
        disabled={busy}
      >
        Delete
      </button>
    </>
  );
}
