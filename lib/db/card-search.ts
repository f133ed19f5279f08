/** Searching the reader's cards by name, for pickers such as "Merge with…". */
import { nameKey, type EntityKind } from '../entity';
import type { Card } from './records';
import type { BackstoryDB } from './schema';

/** What a picker shows of a card. */
export interface CardChoice {
  id: string;
  name: string;
  kind: EntityKind;
  description: string;
}

/** How many cards a search returns by default. */
export const CARD_SEARCH_LIMIT = 20;

function choice(c: Card): CardChoice {
  return { id: c.id, name: c.name, kind: c.kind, description: c.description };
}

/** 0: the name is the query; 1: the name starts with it; 2: another name does; 3: a later word does. */
function rank(c: Card, q: string): number {
  const own = nameKey(c.name);
  if (own === q) return 0;
  if (own.startsWith(q)) return 1;
  if (c.keys.some((k) => k.startsWith(q))) return 2;
  return 3;
}

/**
 * Cards whose name or other names match `query`: those starting with it first (through the
 * multi-entry `keys` index), then, when fewer than `limit`, those with a later word starting
 * with it ("stolt" finds Jens Stoltenberg; one pass over the cards table, which holds a few
 * thousand cards at most). An empty query lists the most recently changed cards. `excludeId`
 * (the card being merged into) is left out. Best matches first, then by name.
 */
export async function searchCards(
  db: BackstoryDB,
  query: string,
  opts: { limit?: number; excludeId?: string } = {},
): Promise<CardChoice[]> {
  const limit = opts.limit ?? CARD_SEARCH_LIMIT;
  const keep = (c: Card) => c.id !== opts.excludeId;
  const q = nameKey(query);
  if (!q) return (await db.cards.orderBy('updatedAt').reverse().filter(keep).limit(limit).toArray()).map(choice);
  const found = new Map<string, Card>();
  for (const c of await db.cards.where('keys').startsWith(q).distinct().toArray()) if (keep(c)) found.set(c.id, c);
  if (found.size < limit) {
    const word = ` ${q}`;
    await db.cards
      .filter((c) => !found.has(c.id) && keep(c) && c.keys.some((k) => k.includes(word)))
      .each((c) => void found.set(c.id, c));
  }
  return [...found.values()]
    .map((c) => ({ c, r: rank(c, q) }))
    .sort((a, b) => a.r - b.r || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map(({ c }) => choice(c));
}
