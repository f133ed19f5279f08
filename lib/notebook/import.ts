/**
 * Importing a Backstory export file. Everything is checked before anything is written, and
 * the write is ONE Dexie transaction over cards, notes and mentions: a refused or failed
 * import leaves the database exactly as it was.
 */
import type { Table } from 'dexie';
import * as v from 'valibot';
import { describeWriteError } from '../db/errors';
import type { Card, Mention, Note } from '../db/records';
import { type BackstoryDB, cardKeys } from '../db/schema';
import {
  type BackstoryExport,
  describeIssue,
  EXPORT_FORMAT,
  exportSchema,
  exportSchemaV1,
  MAX_IMPORT_BYTES,
  READABLE_VERSIONS,
  upgradeV1,
} from './format';

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

/** "50 MB" / "1.2 MB". */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** A first duplicate id within one list, as "notes[5].id: ...", or null. */
function duplicateId(list: readonly { id: string }[], where: string): string | null {
  const first = new Map<string, number>();
  for (const [i, { id }] of list.entries()) {
    const seen = first.get(id);
    if (seen !== undefined) return `${where}[${i}].id: duplicate id "${id}" (also ${where}[${seen}])`;
    first.set(id, i);
  }
  return null;
}

/**
 * Parses and validates export text. Returns the file's content or a message saying what is
 * wrong and where (the first problem found).
 */
export function parseExport(text: string): { ok: true; data: BackstoryExport } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      error: 'The file is JSON but not a Backstory export: expected an object at the top level.',
    };
  }
  const top = raw as { format?: unknown; version?: unknown };
  if (top.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error: `This is not a Backstory export: format is ${JSON.stringify(top.format) ?? 'missing'}, expected "${EXPORT_FORMAT}".`,
    };
  }
  if (typeof top.version !== 'number' || !READABLE_VERSIONS.includes(top.version)) {
    return {
      ok: false,
      error: `This export is version ${JSON.stringify(top.version) ?? 'missing'}; this Backstory reads versions ${READABLE_VERSIONS.join(' and ')}.`,
    };
  }
  let data: BackstoryExport;
  if (top.version === 1) {
    const parsed = v.safeParse(exportSchemaV1, raw, { abortEarly: true });
    if (!parsed.success)
      return { ok: false, error: `The file was not imported: ${describeIssue(parsed.issues, { brackets: true })}.` };
    data = upgradeV1(parsed.output);
  } else {
    const parsed = v.safeParse(exportSchema, raw, { abortEarly: true });
    if (!parsed.success)
      return { ok: false, error: `The file was not imported: ${describeIssue(parsed.issues, { brackets: true })}.` };
    data = parsed.output;
  }
  const dup = duplicateId(data.cards, 'cards') ?? duplicateId(data.notes, 'notes');
  if (dup) return { ok: false, error: `The file was not imported: ${dup}.` };
  return { ok: true, data };
}

/** Reads a file or text, refusing anything over `maxBytes` before reading it. */
async function readSource(
  source: Blob | string,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const size = typeof source === 'string' ? new Blob([source]).size : source.size;
  if (size > maxBytes) {
    return {
      ok: false,
      error: `The file is too large to import (${megabytes(size)}; the limit is ${megabytes(maxBytes)}).`,
    };
  }
  return { ok: true, text: typeof source === 'string' ? source : await source.text() };
}

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
    await db.transaction('rw', db.cards, db.notes, db.mentions, async () => {
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
        // The reader's edit of a shipped card beats the untouched shipped copy, however recent the
        // install that wrote it (a new browser's starter cards are newer than any export).
        const editBeatsShipped = old && c.edited && !old.edited;
        if (old && !editBeatsShipped && old.updatedAt >= c.updatedAt) {
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

      // One mention per card per page, as recordMentions keeps them; the first sighting stays.
      const known = new Set<string>();
      // toArray() is one getAll; a cursor (each()) is several times slower over 50,000 rows.
      for (const m of await db.mentions.toArray()) known.add(`${m.cardId}\u0000${m.url}`);
      const mentions: Mention[] = [];
      for (const m of data.mentions) {
        const key = `${m.cardId}\u0000${m.url}`;
        if (known.has(key)) {
          report.mentions.skipped++;
          continue;
        }
        known.add(key);
        report.mentions.added++;
        mentions.push(m);
      }
      // Issued together: IndexedDB runs them in order within the transaction, with no idle
      // round trip between the three. bulkAdd does not write the new ids back into `mentions`.
      await Promise.all([db.cards.bulkPut(cards), db.notes.bulkPut(notes), db.mentions.bulkAdd(mentions)]);
    });
    return { ok: true, report };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: `The file was not imported: ${error.message}.` };
    return { ok: false, error: describeWriteError('The import', error, 'was not saved') };
  }
}

/**
 * Imports an export file (a File/Blob from an <input type="file">, or its text). Refuses,
 * with a message saying what is wrong and where, a file over 50 MB (or `maxBytes`), one that
 * is not JSON, not a Backstory export of version 1 or 2, or has any invalid record.
 */
export async function importBackstory(
  db: BackstoryDB,
  source: Blob | string,
  { maxBytes = MAX_IMPORT_BYTES }: { maxBytes?: number } = {},
): Promise<ImportResult> {
  const read = await readSource(source, maxBytes);
  if (!read.ok) return read;
  const parsed = parseExport(read.text);
  if (!parsed.ok) return parsed;
  return mergeExport(db, parsed.data);
}

/** "Import done. Notes: 3 added, 1 updated, 2 unchanged; Cards: 1 added, 0 updated, 0 unchanged." */
export function summariseImport(r: ImportReport): string {
  const part = (c: MergeCount, label: string) =>
    c.added + c.updated + c.skipped === 0
      ? null
      : `${label}: ${c.added} added, ${c.updated} updated, ${c.skipped} unchanged`;
  const said = [part(r.notes, 'Notes'), part(r.cards, 'Cards'), part(r.mentions, 'Places you met names')].filter(
    (p): p is string => p !== null,
  );
  return said.length ? `Import done. ${said.join('; ')}.` : 'Import done. The file had nothing in it.';
}
