/**
 * Writing a checked export into the database: ONE Dexie transaction over cards, notes and
 * mentions, so a refused or failed import leaves the database exactly as it was. Records are
 * matched by id; mentions by card and page, merged into the stored page records. Cards the
 * reader deleted or merged away here stay so (gone-cards.ts).
 */
import type { Table } from 'dexie';
import { describeWriteError } from '../db/errors';
import { storeMentions } from '../db/mentions';
import { uniqueIds } from '../db/note-model';
import type { Card, Mention, Note } from '../db/records';
import { cardKeys } from '../db/card-keys';
import type { BackstoryDB } from '../db/schema';
import type { BackstoryExport, ExportedNote } from './format';
import { type CardResolver, readGoneCards } from './gone-cards';

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
  /**
   * Records of the file left out because the reader deleted or merged their card here: the
   * cards themselves, notes that were only on deleted cards, mentions of deleted cards.
   */
  leftOut: { cards: number; notes: number; mentions: number };
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
 * A note of the file with its cards as this notebook has them: a card merged away is replaced
 * by the card it went into, a card the reader deleted is unlinked, as deleteCard unlinked it.
 * A note left with no card goes the way deleteCard sent it: a quote stays, unlinked; words that
 * were only about deleted cards are left out (null; the caller reports them, and they are still
 * in the reader's file), since a note without a quote needs a card and bringing the card back
 * would undo the reader's deletion. Refusing the import instead, as for a card that exists
 * nowhere (a broken file), would make every backup older than a deletion impossible to restore.
 */
function relinkNote(n: ExportedNote, resolve: CardResolver): ExportedNote | null {
  const cardIds = uniqueIds(n.cardIds.flatMap((id) => resolve(id) ?? []));
  return cardIds.length === 0 && !n.quote ? null : { ...n, cardIds, cardId: cardIds[0] ?? '' };
}

/**
 * Merges `data` into the database in one transaction: records are matched by id (mentions
 * by card and page), the newer `updatedAt` wins, a tie or older copy is skipped, except that a
 * card the reader edited always replaces one they never touched. A note whose
 * card is neither in the file nor in the database refuses the whole import. A card the reader
 * deleted here is not brought back, nor its mentions; one merged into another is not brought
 * back either, its notes and mentions going to the card it was merged into.
 */
export async function mergeExport(db: BackstoryDB, data: BackstoryExport): Promise<ImportResult> {
  const report: ImportReport = {
    cards: { added: 0, updated: 0, skipped: 0 },
    notes: { added: 0, updated: 0, skipped: 0 },
    mentions: { added: 0, updated: 0, skipped: 0 },
    leftOut: { cards: 0, notes: 0, mentions: 0 },
  };
  try {
    await db.transaction('rw', [db.cards, db.notes, db.pageMentions, db.lookups], async () => {
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
      const named = [...fileCardIds, ...data.notes.flatMap((n) => n.cardIds), ...data.mentions.map((m) => m.cardId)];
      const resolve = await readGoneCards(db, named, storedCards, fileCardIds);
      const oldCards = await getStored(db.cards, data.cards, storedCards);
      const cards: Card[] = [];
      for (const [i, c] of data.cards.entries()) {
        const old = oldCards[i];
        if (!old && resolve(c.id) !== c.id) {
          report.leftOut.cards++;
          continue;
        }
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

      for (const [i, n] of data.notes.entries()) {
        // A tombstoned card is not missing: the reader deleted or merged it (relinkNote).
        const j = n.cardIds.findIndex((id) => resolve(id) === id && !fileCardIds.has(id) && !storedCards.has(id));
        if (j >= 0) {
          throw new Refused(
            `notes[${i}].cardIds[${j}]: there is no card "${n.cardIds[j]}" in the file or in this notebook`,
          );
        }
      }
      const oldNotes = await getStored(db.notes, data.notes, storedNotes);
      const notes: Note[] = [];
      for (const [i, n] of data.notes.entries()) {
        const old = oldNotes[i];
        if (old && old.updatedAt >= n.updatedAt) {
          report.notes.skipped++;
          continue;
        }
        const note = relinkNote(n, resolve);
        if (!note) {
          report.leftOut.notes++;
          continue;
        }
        report.notes[old ? 'updated' : 'added']++;
        notes.push(note);
      }

      // Like recordMentions, the import writes no mention of a card the reader deleted; a
      // merged-away card's go to the card it was merged into.
      const mentions: Mention[] = [];
      for (const m of data.mentions) {
        const cardId = resolve(m.cardId);
        if (cardId === null) report.leftOut.mentions++;
        else mentions.push(cardId === m.cardId ? m : { ...m, cardId });
      }

      // Issued together: IndexedDB runs them in order within the transaction, with no idle
      // round trip between them. storeMentions keeps one mention per card per page, as
      // recordMentions does, the stored (or first) sighting staying (so a merged-away card's
      // mention on a page where the kept card was met is skipped).
      const [, , merged] = await Promise.all([
        db.cards.bulkPut(cards),
        db.notes.bulkPut(notes),
        storeMentions(db, mentions),
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
