/** Pure helpers of the note model: linked cards, tags, sites, the body rule for quote-notes. */
import { noteBodyError } from '../messaging/note-body';
import { holdableTime } from '../notebook/note-schema';
import { MAX_NOTE_CARDS, MAX_TAGS, type Note, type NoteQuote, QUOTE_MAX_CHARS, TAG_MAX_CHARS } from './records';

/**
 * A stored note as restoreNote's message carries it: its links and tags spelled out, and its
 * times ones a Date can hold (an import before times were checked may have stored another, which
 * the message's schema refuses: the Undo would lose the note).
 */
export function restorable(note: Note): Note & { cardIds: string[]; tags: string[] } {
  return {
    ...note,
    cardIds: noteCardIds(note),
    tags: note.tags ?? [],
    createdAt: holdableTime(note.createdAt),
    updatedAt: holdableTime(note.updatedAt),
  };
}

/** The cards a note links to, whether it was written by this version (cardIds) or an older one (cardId). */
export function noteCardIds(note: Pick<Note, 'cardId' | 'cardIds'>): string[] {
  if (note.cardIds) return note.cardIds;
  return note.cardId ? [note.cardId] : [];
}

/** Distinct, non-empty ids in order (the first stays first: it becomes `cardId`). */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id.length > 0))];
}

/**
 * Tags as the reader typed them, made uniform: trimmed, inner spaces collapsed, lower case,
 * a leading "#" dropped, empty and duplicate ones removed. Over-long tags are cut.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const tag = t.trim().replace(/^#+/, '').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, TAG_MAX_CHARS);
    if (tag) out.add(tag);
  }
  return [...out];
}

/** "a, b; #c" (what a reader types in a tags field) as tags. */
export function parseTags(text: string): string[] {
  return normaliseTags(text.split(/[,;\n]/));
}

/** Host name of `url`, or '' when it is not a URL. */
export function siteOfUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The body rule for a note: like noteBodyError, except that a note holding a quote may have an
 * empty body (the quote is the note; the reader can add a comment later).
 */
export function noteTextError(body: string, hasQuote: boolean): string | null {
  if (hasQuote && body.trim().length === 0) return null;
  return noteBodyError(body);
}

/** Problems with a note's tags or links, as a message, or null. */
export function noteLinksError(cardIds: readonly string[], tags: readonly string[]): string | null {
  if (cardIds.length > MAX_NOTE_CARDS) return `A note can link to at most ${MAX_NOTE_CARDS} cards.`;
  if (tags.length > MAX_TAGS) return `A note can have at most ${MAX_TAGS} tags.`;
  return null;
}

/** A quote cleaned for storing: whitespace runs collapsed, lengths capped. Null when empty. */
export function cleanQuote(q: NoteQuote | undefined): NoteQuote | null {
  if (!q) return null;
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const exact = squash(q.exact).trim().slice(0, QUOTE_MAX_CHARS);
  if (!exact) return null;
  return { exact, prefix: squash(q.prefix).trimStart().slice(-32), suffix: squash(q.suffix).trimEnd().slice(0, 32) };
}
