/** Filtering and ordering the notebook's notes (pure functions, combinable). */
import { noteCardIds } from '../db/note-model';
import type { NotebookNote } from './search';

/** The reader's filters; every field is optional and they all apply together. */
export interface NoteFilters {
  /** Only notes linked to this card (as any of their cards). */
  cardId?: string;
  /** Only notes with this tag. */
  tag?: string;
  /** Only notes written on pages of this host name ("www.bbc.co.uk"). */
  site?: string;
  /** First day included, "YYYY-MM-DD" (local time, as an <input type="date"> gives it). */
  from?: string;
  /** Last day included, "YYYY-MM-DD". */
  to?: string;
}

// Parsing a URL per note per keystroke adds up over 10,000 notes: remember each page's host.
const hosts = new WeakMap<object, string>();

/** The host name of a note's page, or '' for a note written outside any page. */
export function siteOf(note: Pick<NotebookNote, 'page'>): string {
  if (!note.page) return '';
  if (note.page.site) return note.page.site;
  let host = hosts.get(note.page);
  if (host === undefined) {
    try {
      host = new URL(note.page.url).hostname;
    } catch {
      host = '';
    }
    hosts.set(note.page, host);
  }
  return host;
}

/** Start of a local day "YYYY-MM-DD" in ms, or null when the text is not such a date. */
function dayStart(day: string | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!m) return null;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(t) ? null : t;
}

/** A predicate for `filters` (date range on when the note was written, both days included). */
export function matchesFilters(filters: NoteFilters): (note: NotebookNote) => boolean {
  const from = dayStart(filters.from);
  const toStart = dayStart(filters.to);
  // The end of the "to" day: the next local midnight (24 h is wrong across a DST change).
  const to = toStart === null ? null : new Date(toStart).setDate(new Date(toStart).getDate() + 1);
  return (note) =>
    (!filters.cardId || noteCardIds(note).includes(filters.cardId)) &&
    (!filters.tag || (note.tags ?? []).includes(filters.tag)) &&
    (!filters.site || siteOf(note) === filters.site) &&
    (from === null || note.createdAt >= from) &&
    (to === null || note.createdAt < to);
}

/** Newest first (by when written; ties by last edit, then id, so the order is stable). */
export function newestFirst(a: NotebookNote, b: NotebookNote): number {
  return b.createdAt - a.createdAt || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The notes to show: `ranked` (search hits, best first) when searching, else every note
 * newest first; then the filters. `byId` (notes by id) can be passed in when already built.
 */
export function visibleNotes(
  notes: readonly NotebookNote[],
  ranked: readonly string[] | null,
  filters: NoteFilters,
  byId: ReadonlyMap<string, NotebookNote> = new Map(notes.map((n) => [n.id, n])),
): NotebookNote[] {
  const keep = matchesFilters(filters);
  if (ranked === null) return notes.filter(keep).sort(newestFirst);
  return ranked.flatMap((id) => {
    const n = byId.get(id);
    return n && keep(n) ? [n] : [];
  });
}

/** True when any filter is set. */
export function anyFilter(f: NoteFilters): boolean {
  return !!(f.cardId || f.tag || f.site || f.from || f.to);
}

/** Distinct tags of `notes`, most used first, for the tag filter. */
export function tagsOf(notes: readonly NotebookNote[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of notes) for (const t of n.tags ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Distinct sites of `notes`, most notes first, for the site filter. */
export function sitesOf(notes: readonly NotebookNote[]): { site: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of notes) {
    const s = siteOf(n);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts]
    .map(([site, count]) => ({ site, count }))
    .sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
}
