/** Notebook writes beyond saveNote/deleteNote: undoing a delete and clearing history. */

import { describeWriteError, fail, ok } from '../db/errors';
import type { Note } from '../db/records';
import type { BackstoryDB } from '../db/schema';
import type { Result } from '../messaging/protocol';
import { nameKey } from '../entity';
import { noteCardIds } from '../db/note-model';
import { countMentions } from '../db/mentions';

/**
 * Puts back a note deleted a moment ago ("Undo"), exactly as it was, less links to cards
 * deleted meanwhile (refused when none of its cards is left and it holds no quote); a note
 * with the same id written since is kept (it is newer).
 */
export async function restoreNote(db: BackstoryDB, note: Note): Promise<Result<{ restored: boolean }>> {
  try {
    return await db.transaction('rw', db.cards, db.notes, async () => {
      const ids = noteCardIds(note);
      const cards = await db.cards.bulkGet(ids);
      const cardIds = ids.filter((_, i) => cards[i]);
      if (cardIds.length === 0 && !note.quote) return fail('The note was not restored: its card no longer exists.');
      if (await db.notes.get(note.id)) return ok({ restored: false });
      await db.notes.add({ ...note, cardIds, cardId: cardIds[0] ?? '', tags: note.tags ?? [] });
      return ok({ restored: true });
    });
  } catch (error) {
    return fail(describeWriteError('The note', error, 'was not restored'));
  }
}

/**
 * Deletes every mention (the record of where the reader met names) and the pages' timelines, which
 * hold sentences of the articles read; notes and cards stay.
 */
export async function clearMentions(db: BackstoryDB): Promise<Result<{ cleared: number }>> {
  try {
    return ok({
      cleared: await db.transaction('rw', db.pageMentions, db.timelines, async () => {
        // The count is of mentions (cards met on a page), as the reader was told before clearing.
        const cleared = await countMentions(db);
        await Promise.all([db.timelines.clear(), db.pageMentions.clear()]);
        return cleared;
      }),
    });
  } catch (error) {
    return fail(describeWriteError('The history', error, 'was not cleared'));
  }
}

/**
 * The card a typed name stands for (its name or any alias, as nameKey() sees it): a card named
 * exactly so first, then any card with that alias. Null when there is none.
 */
export async function findCardByName(db: BackstoryDB, name: string): Promise<{ id: string; name: string } | null> {
  const key = nameKey(name);
  if (!key) return null;
  const cards = await db.cards.where('keys').equals(key).toArray();
  const best = cards.find((c) => nameKey(c.name) === key) ?? cards[0];
  return best ? { id: best.id, name: best.name } : null;
}
