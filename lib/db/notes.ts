/** The reader's notes on cards. Writes return a Result and never throw. */
import type { Note, NoteQuote, PageRef } from './records';
import type { BackstoryDB } from './schema';
import { describeWriteError, fail, ok } from './errors';
import type { Result } from '../messaging/protocol';
import {
  cleanQuote,
  noteCardIds,
  noteLinksError,
  noteTextError,
  normaliseTags,
  siteOfUrl,
  uniqueIds,
} from './note-model';

/** Lists the notes linked to a card (as any of their cards), newest first. */
export async function listNotes(db: BackstoryDB, cardId: string): Promise<Note[]> {
  const notes = await db.notes.where('cardIds').equals(cardId).toArray();
  return notes.sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * What saveNote needs: no `noteId` creates a note, a `noteId` edits that note.
 * `cardId` (the card the note is written on) and `cardIds` (more links) together give the
 * linked cards of a new note; when editing, `cardIds` present replaces the links and `cardId`
 * must be one of the note's cards. `tags` present replaces the tags. The quote and page are
 * set when the note is made and never change. `baseUpdatedAt`, when editing, is the updatedAt
 * of the note the editor opened with: a note changed since (another tab, a hover card) is not
 * overwritten.
 */
export interface SaveNoteInput {
  cardId?: string;
  cardIds?: string[];
  noteId?: string;
  body: string;
  page?: PageRef;
  quote?: NoteQuote;
  tags?: string[];
  baseUpdatedAt?: number;
}

/** Why an edit begun on an older copy of the note is refused; the editor keeps the reader's text. */
const NOTE_CHANGED_MEANWHILE =
  'The note was not saved: it was changed elsewhere meanwhile. Copy your text, then reopen the note to see the newer version.';

/** The links of a note after this save, checked against the cards table. */
async function checkedLinks(db: BackstoryDB, ids: string[]): Promise<string | null> {
  const cards = await db.cards.bulkGet(ids);
  const gone = ids.filter((_, i) => !cards[i]);
  if (gone.length === 0) return null;
  return ids.length === 1 ? 'its card no longer exists' : `a linked card no longer exists (${gone.join(', ')})`;
}

/**
 * Creates or edits a note. The body is checked first (noteTextError: empty is allowed only
 * beside a quote; over 100,000 characters → error, nothing written). Every linked card (and,
 * when editing, the note) must exist; an edit of a note changed since `baseUpdatedAt` is refused.
 * A failed write (storage full, database closed) returns a clear error and leaves every saved
 * note as it was: one transaction, all or nothing.
 */
export async function saveNote(db: BackstoryDB, input: SaveNoteInput): Promise<Result<Note>> {
  const quote = cleanQuote(input.quote);
  const tags = input.tags ? normaliseTags(input.tags) : undefined;
  try {
    return await db.transaction('rw', db.cards, db.notes, async (): Promise<Result<Note>> => {
      const now = Date.now();
      let note: Note;
      if (input.noteId) {
        const old = await db.notes.get(input.noteId);
        if (!old || (input.cardId && !noteCardIds(old).includes(input.cardId)))
          return fail('The note was not saved: it was deleted meanwhile.');
        // Saving would silently drop the other edit; the reader merges the two by hand instead.
        if (input.baseUpdatedAt !== undefined && input.baseUpdatedAt !== old.updatedAt)
          return fail(NOTE_CHANGED_MEANWHILE);
        const bodyError = noteTextError(input.body, !!old.quote);
        if (bodyError) return fail(bodyError);
        const cardIds = input.cardIds ? uniqueIds(input.cardIds) : noteCardIds(old);
        if (cardIds.length === 0 && !old.quote) return fail('The note was not saved: link it to at least one card.');
        // Strictly newer than the copy it replaces, so a merge by updatedAt always takes it.
        const updatedAt = Math.max(now, old.updatedAt + 1);
        note = { ...old, body: input.body, cardIds, cardId: cardIds[0] ?? '', tags: tags ?? old.tags ?? [], updatedAt };
      } else {
        const bodyError = noteTextError(input.body, !!quote);
        if (bodyError) return fail(bodyError);
        const cardIds = uniqueIds([input.cardId ?? '', ...(input.cardIds ?? [])]);
        if (cardIds.length === 0 && !quote) return fail('The note was not saved: it is not on any card.');
        const id = crypto.randomUUID();
        note = {
          id,
          cardId: cardIds[0] ?? '',
          cardIds,
          body: input.body,
          tags: tags ?? [],
          createdAt: now,
          updatedAt: now,
        };
        if (quote) note.quote = quote;
        if (input.page) note.page = { url: input.page.url, title: input.page.title, site: siteOfUrl(input.page.url) };
      }
      const linkError = noteLinksError(note.cardIds ?? [], note.tags ?? []);
      if (linkError) return fail(linkError);
      const missing = await checkedLinks(db, note.cardIds ?? []);
      if (missing) return fail(`The note was not saved: ${missing}.`);
      await db.notes.put(note);
      return ok(note);
    });
  } catch (error) {
    return fail(noteWriteError(error));
  }
}

/**
 * The reader-facing reason a note write failed. A closed database (Backstory updated, or another
 * tab holding an upgrade up) gets its own advice; storage-full and the rest are describeWriteError's.
 */
export function noteWriteError(error: unknown): string {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  if (e?.name === 'DatabaseClosedError' || e?.inner?.name === 'DatabaseClosedError')
    return 'The note was not saved: the database is closed (Backstory was probably updated, or another tab is upgrading it). Copy your text, reload the page and try again; nothing already saved was lost.';
  return describeWriteError('The note', error);
}

/** Deletes a note. `deleted` is false when there was no such note. */
export async function deleteNote(db: BackstoryDB, noteId: string): Promise<Result<{ deleted: boolean }>> {
  try {
    const deleted = await db.transaction('rw', db.notes, async () => {
      if (!(await db.notes.get(noteId))) return false;
      await db.notes.delete(noteId);
      return true;
    });
    return ok({ deleted });
  } catch (error) {
    return fail(describeWriteError('The note', error, 'was not deleted'));
  }
}
