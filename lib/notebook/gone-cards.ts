/**
 * Cards the reader deleted or merged away in this notebook, as an import sees them. An earlier
 * backup still holds them with their notes and mentions; the deletion and merge tombstones
 * (look-ups with a `deletedCardId`, see lib/db/lookups.ts and mergeCards) say they must stay gone.
 */
import type { LookupRecord } from '../db/lookups';
import { MERGED_KEY_PREFIX } from '../db/lookups';
import type { BackstoryDB } from '../db/schema';
import { nameKey } from '../entity';

/**
 * Where a card id of the file leads in this notebook: the id itself (a stored card, or one the
 * database has no tombstone for), the card it was merged into, or null (the reader deleted it).
 */
export type CardResolver = (id: string) => string | null;

/**
 * The card a merge tombstone written before mergeCards recorded `mergedInto` stands for: the
 * merge made the dropped card's name a name of the kept card, so the one card (of the dropped
 * card's kind, when several) carrying that name is where a hover on it leads today. Null when
 * no card, or more than one, carries it: a guess between cards would misfile the reader's notes.
 */
async function keptByName(db: BackstoryDB, tombstone: LookupRecord): Promise<string | null> {
  const named = await db.cards.where('keys').equals(nameKey(tombstone.name)).toArray();
  const pick = named.length === 1 ? named : named.filter((c) => c.kind === tombstone.kind);
  return pick.length === 1 ? (pick[0]?.id ?? null) : null;
}

/**
 * Reads the tombstones of `ids` (those not in `stored`) and of the cards they were merged into,
 * following merges of merges, and returns a resolver for the import. A merge target that is
 * neither stored nor among `fileCards` counts as deleted. Run inside the import's transaction
 * (needs db.lookups and db.cards). Costs one indexed query per step of a merge chain, usually one.
 */
export async function readGoneCards(
  db: BackstoryDB,
  ids: Iterable<string>,
  stored: ReadonlySet<string>,
  fileCards: ReadonlySet<string>,
): Promise<CardResolver> {
  // Each tombstoned id → the card it was merged into, or null (deleted, or merged into a card
  // that cannot be told).
  const next = new Map<string, string | null>();
  const asked = new Set<string>();
  let ask = [...new Set(ids)].filter((id) => !stored.has(id));
  while (ask.length > 0) {
    for (const id of ask) asked.add(id);
    const newest = new Map<string, LookupRecord>();
    // The newest tombstone of a card speaks: one deleted, brought back by the reader's retry and
    // then merged away is merged, not deleted (and the other way round).
    for (const row of await db.lookups.where('deletedCardId').anyOf(ask).toArray()) {
      const id = row.deletedCardId ?? '';
      const seen = newest.get(id);
      if (!seen || row.checkedAt >= seen.checkedAt) newest.set(id, row);
    }
    ask = [];
    for (const [id, row] of newest) {
      const merged = row.key.startsWith(MERGED_KEY_PREFIX);
      const to = merged ? (row.mergedInto ?? (await keptByName(db, row))) : null;
      next.set(id, to);
      if (to && !stored.has(to) && !asked.has(to)) ask.push(to);
    }
  }
  return (id) => {
    let at = id;
    const passed = new Set<string>();
    while (next.has(at)) {
      const to = next.get(at) ?? null;
      if (to === null || passed.has(at)) return null;
      passed.add(at);
      at = to;
    }
    return at === id || stored.has(at) || fileCards.has(at) ? at : null;
  };
}
