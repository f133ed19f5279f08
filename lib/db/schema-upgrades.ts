/**
 * The upgrades that move a reader's rows from one schema version to the next (schema.ts runs
 * them). Each reads and writes through the upgrade transaction only.
 */
import type { Transaction } from 'dexie';
import type { Card, Mention, Note } from './records';
import { cardKeys } from './card-keys';
import { siteOfUrl } from './note-model';
import { mergeMentions } from './page-mentions';

/**
 * Moves version-1 rows into the version-2 shape: version 1 had no `updatedAt` on notes
 * and could lack `edited`/`updatedAt`/normalised `keys` on cards; fill them so the new
 * indexes see every row. Nothing is deleted.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const now = Date.now();
  await tx
    .table('cards')
    .toCollection()
    .modify((card: Partial<Card> & { name?: string; aliases?: string[] }) => {
      card.aliases = Array.isArray(card.aliases) ? card.aliases : [];
      card.keys = cardKeys({ name: card.name ?? '', aliases: card.aliases, demonyms: card.demonyms });
      card.edited = card.edited ?? card.source === 'reader';
      card.createdAt = card.createdAt ?? now;
      card.updatedAt = card.updatedAt ?? card.createdAt;
    });
  await tx
    .table('notes')
    .toCollection()
    .modify((note: Partial<Note>) => {
      note.createdAt = note.createdAt ?? now;
      note.updatedAt = note.updatedAt ?? note.createdAt;
    });
}

/**
 * Gives version-3 notes the version-4 fields: `cardIds` from the single `cardId`, no tags,
 * the page's site from its URL. Bodies, quotes and times are left exactly as they were.
 */
export async function upgradeNotesToV4(tx: Transaction): Promise<void> {
  await tx
    .table('notes')
    .toCollection()
    .modify((note: Note) => {
      if (!Array.isArray(note.cardIds)) note.cardIds = note.cardId ? [note.cardId] : [];
      if (!Array.isArray(note.tags)) note.tags = [];
      if (note.page && note.page.site === undefined) note.page.site = siteOfUrl(note.page.url);
    });
}

/**
 * Moves every row of the version-5 `mentions` table into one `pageMentions` record per page.
 * Rows are taken oldest first, so should a card appear twice on a page its first sighting stays
 * (recordMentions never wrote such pairs). Dexie drops `mentions` after this has run.
 */
export async function upgradeMentionsToV6(tx: Transaction): Promise<void> {
  const rows: Partial<Mention>[] = await tx.table('mentions').toArray();
  // A row without a url or card cannot be keyed; it must not make the whole upgrade (and so
  // opening the database) fail.
  const usable = rows
    .filter((m): m is Mention => typeof m.url === 'string' && typeof m.cardId === 'string')
    // Missing text fields become '' so the reader's next export still passes its own schema.
    .map((m) => ({
      ...m,
      title: typeof m.title === 'string' ? m.title : '',
      site: typeof m.site === 'string' ? m.site : '',
      sentence: typeof m.sentence === 'string' ? m.sentence : '',
      seenAt: Number.isFinite(m.seenAt) ? m.seenAt : 0,
    }));
  usable.sort((a, b) => a.seenAt - b.seenAt);
  const { changed } = mergeMentions(new Map(), usable);
  await tx.table('pageMentions').bulkPut(changed);
}
