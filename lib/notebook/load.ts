/** Reading the notebook's notes and their cards in one go (the page's live query, the benchmark). */
import { noteCardIds } from '../db/note-model';
import type { Card, Note } from '../db/records';
import type { BackstoryDB } from '../db/schema';

/** Every note with the cards they link to, read in one transaction so they agree. */
export async function loadNotebook(db: BackstoryDB): Promise<{ notes: Note[]; cards: Map<string, Card> }> {
  return db.transaction('r', db.notes, db.cards, async () => {
    const notes = await db.notes.toArray();
    const ids = [...new Set(notes.flatMap(noteCardIds))];
    const cards = new Map<string, Card>();
    for (const c of await db.cards.bulkGet(ids)) if (c) cards.set(c.id, c);
    return { notes, cards };
  });
}

/**
 * The newest `limit` notes and their cards, through the createdAt index: what the notebook
 * shows first, long before all 10,000 notes are read and indexed.
 */
export async function loadNotebookPage(
  db: BackstoryDB,
  limit: number,
): Promise<{ notes: Note[]; cards: Map<string, Card> }> {
  return db.transaction('r', db.notes, db.cards, async () => {
    const notes = await db.notes.orderBy('createdAt').reverse().limit(limit).toArray();
    const ids = [...new Set(notes.flatMap(noteCardIds))];
    const cards = new Map<string, Card>();
    for (const c of await db.cards.bulkGet(ids)) if (c) cards.set(c.id, c);
    return { notes, cards };
  });
}
