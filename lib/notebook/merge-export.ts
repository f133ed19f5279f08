/**
 * Writing a checked export into the database: ONE Dexie transaction over cards, notes and
 * mentions, so a refused or failed import leaves the database exactly as it was. Records are
 * matched by id; mentions by card and page, merged into the stored page records.
 */
import type { Table } from 'dexie';
import { describeWriteError } from '../db/errors';
import { storeMentions } from '../db/mentions';
import type { Card, Note } from '../db/records';
import { type BackstoryDB, cardKeys } from '../db/schema';
import type { BackstoryExport } from './format';

/** Counts for one kind of record. */
export interface MergeCount {
  added: number;
  updated: number;
  skipped: number;
}

/** What an import did. */
export interface ImportReport {
  cards: MergeCount;
  notes: MergeCount;
  mentions: MergeCount;
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; error: string };

/**
 * The stored copy of each record of `list` (undefined where there is none), reading only
 * the ids `stored` says exist.
 */
async function getStored<T>(
  table: Table<T, string>,
  list: readonly { id: string }[],
  stored: ReadonlySet<string>,
): Promise<(T | undefined)[]> {
  const at: number[] = [];
  for (const [i, r] of list.entries()) if (stored.has(r.id)) at.push(i);
  const found = await table.bulkGet(at.map((i) => list[i]?.id ?? ''));
  const out: (T | undefined)[] = new Array(list.length);
  for (const [k, i] of at.entries()) out[i] = found[k];
  return out;
}

/** Thrown inside the transaction to abort it with a reader-facing message. */
class Refused extends Error {}

/**
 * Merges `data` into the database in one transaction: records are matched by id (mentions
 * by card and page), the newer `updatedAt` wins, a tie or older copy is skipped, except that a
 * card the reader edited always replaces one they never touched. A note whose
 * card is neither in the file nor in the database refuses the whole import.
 */
export async function mergeExport(db: BackstoryDB, data: BackstoryExport): Promise<ImportResult> {
  const report: ImportReport = {
    cards: { added: 0, updated: 0, skipped: 0 },
    notes: { added: 0, updated: 0, skipped: 0 },
    mentions: { added: 0, updated: 0, skipped: 0 },
  };
  try {
    await db.transaction('rw', db.cards, db.notes, db.pageMentions, async () => {
      // Which ids already exist, from two getAllKeys (keys only, one request each): bulkGet
      // is one IndexedDB request per id, which in Chromium costs far more than the keys, and
      // most of a typical import (into a new browser) is ids the database has never seen.
      const [cardIds, noteIds] = await Promise.all([
        db.cards.toCollection().primaryKeys(),
        db.notes.toCollection().primaryKeys(),
      ]);
      const storedCards = new Set(cardIds);
      const storedNotes = new Set(noteIds);
      const fileCardIds = new Set(data.cards.map((c) => c.id));
      const oldCards = await getStored(db.cards, data.cards, storedCards);
      const cards: Card[] = [];
      for (const [i, c] of data.cards.entries()) {
        const old = oldCards[i];
        // The reader's edit beats an untouched copy, whichever side it is on and however recent
        // the install or refresh that wrote the copy (starter cards are rewritten on every update).
        const editBeatsShipped = old && c.edited && !old.edited;
        const shippedLosesToEdit = old?.edited && !c.edited;
        if (old && (shippedLosesToEdit || (!editBeatsShipped && old.updatedAt >= c.updatedAt))) {
          report.cards.skipped++;
          continue;
        }
        report.cards[old ? 'updated' : 'added']++;
        cards.push({ ...c, keys: cardKeys(c) });
      }

      const oldNotes = await getStored(db.notes, data.notes, storedNotes);
      const notes: Note[] = [];
      for (const [i, n] of data.notes.entries()) {
        const j = n.cardIds.findIndex((id) => !fileCardIds.has(id) && !storedCards.has(id));
        if (j >= 0) {
          throw new Refused(
            `notes[${i}].cardIds[${j}]: there is no card "${n.cardIds[j]}" in the file or in this notebook`,
          );
        }
        const old = oldNotes[i];
        if (old && old.updatedAt >= n.updatedAt) {
          report.notes.skipped++;
          continue;
        }
        report.notes[old ? 'updated' : 'added']++;
        notes.push(n);
      }

      // Issued together: IndexedDB runs them in order within the transaction, with no idle
      // round trip between them. storeMentions keeps one mention per card per page, as
      // recordMentions does, the stored (or first) sighting staying.
      const [, , merged] = await Promise.all([
        db.cards.bulkPut(cards),
        db.notes.bulkPut(notes),
        storeMentions(db, data.mentions),
      ]);
      report.mentions.added = merged.added;
      report.mentions.skipped = merged.skipped;
    });
    return { ok: true, report };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: `The file was not imported: ${error.message}.` };
    return { ok: false, error: describeWriteError('The import', error, 'was not saved') };
  }
}
