/**
 * Importing a Backstory export file: read and check it (parse-export.ts), then merge it in one
 * transaction (merge-export.ts). A refused or failed import leaves the database exactly as it was.
 */
import type { BackstoryDB } from '../db/schema';
import { MAX_IMPORT_BYTES } from './format';
import { type ImportReport, type ImportResult, type MergeCount, mergeExport } from './merge-export';
import { parseExport, readSource } from './parse-export';

export { mergeExport, parseExport };
export type { ImportReport, ImportResult, MergeCount };

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

/** "2 notes", "1 note": a count with its noun. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Import done. Notes: 3 added, 1 updated, 2 unchanged; Cards: 1 added, 0 updated, 0 unchanged.",
 * then, when some were, what was left out because the reader had deleted or merged those cards.
 */
export function summariseImport(r: ImportReport): string {
  const part = (c: MergeCount, label: string) =>
    c.added + c.updated + c.skipped === 0
      ? null
      : `${label}: ${c.added} added, ${c.updated} updated, ${c.skipped} unchanged`;
  const said = [part(r.notes, 'Notes'), part(r.cards, 'Cards'), part(r.mentions, 'Places you met names')].filter(
    (p): p is string => p !== null,
  );
  const { cards, notes, mentions } = r.leftOut;
  const left = [
    cards && count(cards, 'card', 'cards'),
    notes && count(notes, 'note', 'notes'),
    mentions && count(mentions, 'place you met a name', 'places you met names'),
  ].filter((p): p is string => Boolean(p));
  const leftOut = left.length ? ` Left out, as you deleted or merged those cards here: ${left.join(', ')}.` : '';
  if (!said.length && !leftOut) return 'Import done. The file had nothing in it.';
  return `Import done.${said.length ? ` ${said.join('; ')}.` : ''}${leftOut}`;
}
