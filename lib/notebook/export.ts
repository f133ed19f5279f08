/** Exporting the reader's notebook: one versioned JSON file, or Markdown files in a zip. */
import { strToU8, zipSync } from 'fflate';
import type { Card, Note, PageMentions } from '../db/records';
import type { BackstoryDB } from '../db/schema';
import { noteCardIds } from '../db/note-model';
import { type BackstoryExport, EXPORT_FORMAT, EXPORT_VERSION, type ExportedMention, type ExportedNote } from './format';
import { entityFileName, entityMarkdown, pagesMarkdown } from './markdown';
import { holdableTime } from './note-schema';

/**
 * The cards worth exporting: those the reader created or edited (nothing else is theirs),
 * plus every card a note hangs on, so an imported note always finds its card again even
 * where the starter set or a Wikipedia look-up would not bring that card back.
 */
function exportedCards(cards: readonly Card[], notes: readonly Note[]): Card[] {
  const noted = new Set(notes.flatMap(noteCardIds));
  return cards.filter((c) => c.edited || c.source === 'reader' || noted.has(c.id));
}

/** A note in the file's shape: every field explicit, even for a record older code wrote. */
function noteOut(n: Note): ExportedNote {
  const cardIds = noteCardIds(n);
  const out: ExportedNote = {
    id: n.id,
    cardId: cardIds[0] ?? '',
    cardIds,
    body: n.body,
    tags: n.tags ?? [],
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
  if (n.quote) out.quote = { exact: n.quote.exact, prefix: n.quote.prefix, suffix: n.quote.suffix };
  if (n.page) out.page = { url: n.page.url, title: n.page.title, ...(n.page.site ? { site: n.page.site } : {}) };
  return out;
}

/**
 * Every stored mention in the file's flat shape (one per card per page), oldest first; the
 * sort is stable, so mentions of one moment keep their page's order.
 */
function mentionsOut(pages: readonly PageMentions[]): ExportedMention[] {
  const out: ExportedMention[] = [];
  for (const p of pages)
    for (const [i, cardId] of p.cardIds.entries())
      out.push({
        cardId,
        url: p.url,
        title: p.title,
        site: p.site,
        sentence: p.sentences[i] ?? '',
        seenAt: p.seenAts[i] ?? p.seenAt,
      });
  return out.sort((a, b) => a.seenAt - b.seenAt);
}

/**
 * Everything to export, read in one read transaction so cards, notes and mentions agree
 * with each other even while the background keeps writing. `withMentions: false` leaves the
 * (possibly 50,000) mentions unread, for the Markdown export, which does not use them.
 */
export async function buildExport(
  db: BackstoryDB,
  now: Date = new Date(),
  withMentions = true,
): Promise<BackstoryExport> {
  const [cards, notes, pages] = await db.transaction('r', db.cards, db.notes, db.pageMentions, () =>
    Promise.all([db.cards.toArray(), db.notes.toArray(), withMentions ? db.pageMentions.toArray() : []]),
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    cards: exportedCards(cards, notes).sort((a, b) => a.id.localeCompare(b.id)),
    notes: notes.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)).map(noteOut),
    mentions: mentionsOut(pages),
  };
}

/**
 * The export with every time one a Date can hold (holdableTime). An import before times were
 * checked may have stored another; the file must still import, or the reader's whole backup
 * would be refused over one note. (The Markdown export shows such a time as "unknown date".)
 */
function withHoldableTimes(data: BackstoryExport): BackstoryExport {
  const times = <T extends { createdAt: number; updatedAt: number }>(r: T): T => ({
    ...r,
    createdAt: holdableTime(r.createdAt),
    updatedAt: holdableTime(r.updatedAt),
  });
  return {
    ...data,
    cards: data.cards.map(times),
    notes: data.notes.map(times),
    mentions: data.mentions.map((m) => ({ ...m, seenAt: holdableTime(m.seenAt) })),
  };
}

/** The export as JSON text (indented: it is also meant to be readable). */
export async function exportJson(db: BackstoryDB, now?: Date): Promise<string> {
  return JSON.stringify(withHoldableTimes(await buildExport(db, now)), null, 1);
}

/** File name for an export made at `now`: "backstory-2024-05-01.json" / ".zip". */
export function exportFileName(ext: 'json' | 'zip', now: Date = new Date()): string {
  return `backstory-${now.toISOString().slice(0, 10)}.${ext}`;
}

/**
 * The notebook as Markdown in a zip: `entities/<name>.md` for each card with notes (its card,
 * then its notes, newest first) and `pages.md` with every note grouped by the page it was
 * written on. Returns the zip bytes.
 */
export async function exportMarkdownZip(db: BackstoryDB, now: Date = new Date()): Promise<Uint8Array> {
  const data = await buildExport(db, now, false);
  // A note linked to several cards is listed in each of their files.
  const byCard = new Map<string, Note[]>();
  for (const note of data.notes) {
    for (const cardId of note.cardIds) {
      const list = byCard.get(cardId);
      if (list) list.push(note);
      else byCard.set(cardId, [note]);
    }
  }
  const cardsById = new Map(data.cards.map((c) => [c.id, c as Card]));
  const files: Record<string, Uint8Array> = {};
  const used = new Set<string>();
  for (const card of data.cards) {
    const notes = byCard.get(card.id) ?? [];
    if (notes.length === 0 && !(card.edited || card.source === 'reader')) continue;
    const name = entityFileName(card, used);
    files[`backstory/entities/${name}`] = strToU8(entityMarkdown(card as Card, notes));
  }
  files['backstory/pages.md'] = strToU8(pagesMarkdown(data.notes, cardsById, now));
  return zipSync(files, { level: 6, mtime: now });
}
