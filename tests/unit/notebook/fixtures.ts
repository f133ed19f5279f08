/** A small notebook for the notebook tests: cards, notes on them, mentions. */

import { storeMentions } from '@/lib/db/mentions';
import type { Mention } from '@/lib/db/records';
import type { BackstoryDB } from '@/lib/db/schema';
import type { NotebookNote } from '@/lib/notebook/search';
import { card, freshDb } from '../db/helpers';

export const DAY = 86_400_000;
/** 2024-03-01T00:00:00Z: fixtures are dated from here. */
export const T0 = Date.UTC(2024, 2, 1);

/** A note; override any field. */
export function note(id: string, cardId: string, body: string, over: Partial<NotebookNote> = {}): NotebookNote {
  return { id, cardId, cardIds: [cardId], body, tags: [], createdAt: T0, updatedAt: T0, ...over };
}

/** A mention; override any field. */
export function mention(cardId: string, url: string, over: Partial<Mention> = {}): Mention {
  return {
    cardId,
    url,
    title: `Title of ${url}`,
    site: new URL(url).hostname,
    sentence: `About ${cardId}.`,
    seenAt: T0,
    ...over,
  };
}

/**
 * Fills `db` with: a starter card with notes (Nato), a reader card with a note, a starter
 * card edited by the reader, a plain starter card (nothing of the reader's), three notes and
 * three mentions.
 */
export async function fillNotebook(db: BackstoryDB): Promise<void> {
  await db.cards.bulkPut([
    card('nato', 'Nato', 'organization', ['NATO', 'North Atlantic Treaty Organization']),
    card('reader-1', 'Maria Zakharova', 'person', [], {
      source: 'reader',
      edited: true,
      description: '',
      summary: '',
    }),
    card('jens-stoltenberg', 'Jens Stoltenberg', 'person', ['Stoltenberg'], {
      edited: true,
      summary: 'My own summary',
    }),
    card('kyiv', 'Kyiv', 'place'),
  ]);
  await db.notes.bulkPut([
    note('n1', 'nato', 'Founded in 1949 by *twelve* countries.', {
      page: { url: 'https://www.bbc.co.uk/news/world-1', title: 'Nato at 75' },
      createdAt: T0,
      updatedAt: T0,
    }),
    note('n2', 'nato', 'Article 5: an attack on one is an attack on all.', {
      page: { url: 'https://www.thenationalnews.com/world/nato', title: 'Nato and Russia' },
      createdAt: T0 + DAY,
      updatedAt: T0 + 2 * DAY,
    }),
    note('n3', 'reader-1', 'Spokeswoman of the Russian foreign ministry.', {
      createdAt: T0 + 3 * DAY,
      updatedAt: T0 + 3 * DAY,
    }),
  ]);
  await storeMentions(db, [
    mention('nato', 'https://www.bbc.co.uk/news/world-1', { seenAt: T0 }),
    mention('nato', 'https://www.thenationalnews.com/world/nato', {
      seenAt: T0 + DAY,
      sentence: 'Nato said on Tuesday.',
    }),
    mention('kyiv', 'https://www.thenationalnews.com/world/nato', { seenAt: T0 + DAY }),
  ]);
}

/** Everything in the database, in a stable order, to compare before/after. */
export async function snapshot(db: BackstoryDB) {
  return {
    cards: await db.cards.orderBy('id').toArray(),
    notes: await db.notes.orderBy('id').toArray(),
    pages: await db.pageMentions.orderBy('url').toArray(),
  };
}

/** A fresh database filled with the notebook fixtures, with the page at /notebook.html (no hash). */
export async function openNotebookDb(): Promise<BackstoryDB> {
  history.replaceState(null, '', '/notebook.html');
  const db = await freshDb();
  await fillNotebook(db);
  return db;
}
