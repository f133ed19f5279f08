/** Finding and creating cards. Every function takes the database, so tests can pass their own. */
import type { EntityKind } from '../entity';
import { nameKey } from '../entity';
import type { Card } from './records';
import { keysFor } from './card-keys';
import type { BackstoryDB } from './schema';
import { describeWriteError, fail, ok } from './errors';
import type { Result } from '../messaging/protocol';

/** What a card is looked up by: the entity's name, its kind and other names it appeared under. */
export interface CardQuery {
  name: string;
  kind: EntityKind;
  aliases?: readonly string[];
}

/**
 * Scores how well `card` answers `query`: a card of the same kind beats any other kind, then a
 * match on the entity's own name beats a match on one of its aliases, then the card's own name
 * beats its aliases. Returns -1 when nothing matches.
 */
function score(card: Card, query: CardQuery, primary: string, keys: ReadonlySet<string>): number {
  const cardKeys = new Set(card.keys);
  if (![...keys].some((k) => cardKeys.has(k))) return -1;
  let s = 0;
  if (card.kind === query.kind) s += 16;
  if (cardKeys.has(primary)) s += 8;
  if (nameKey(card.name) === primary) s += 4;
  if (card.edited) s += 2; // the reader's own version wins a tie
  // Then a card the reader had (shipped or their own) beats one a look-up wrote: an older
  // database may hold both for one article, and the reader's notes are on the first.
  if (card.source !== 'wikipedia') s += 1;
  return s;
}

/** Picks the best of `candidates` for `query`, or null when none matches. */
function best(candidates: readonly Card[], query: CardQuery): Card | null {
  const primary = nameKey(query.name);
  const keys = new Set(keysFor(query.name, query.aliases ?? []));
  let top: Card | null = null;
  let topScore = -1;
  for (const card of candidates) {
    const s = score(card, query, primary, keys);
    if (s > topScore || (s === topScore && top && s >= 0 && card.updatedAt > top.updatedAt)) {
      top = card;
      topScore = s;
    }
  }
  return topScore >= 0 ? top : null;
}

/**
 * Finds the card for an entity by its name and aliases (via the multi-entry `keys` index),
 * preferring a card of the same kind. Returns null when there is none.
 */
export async function findCard(db: BackstoryDB, query: CardQuery): Promise<Card | null> {
  const keys = keysFor(query.name, query.aliases ?? []);
  if (keys.length === 0) return null;
  const candidates = await db.cards.where('keys').anyOf(keys).distinct().toArray();
  return best(candidates, query);
}

/** Cards by each of their keys, for matching many entities in memory (see matchCards). */
export type CardIndex = Map<string, Card[]>;

/** Indexes `cards` by their keys. */
export function indexCards(cards: readonly Card[]): CardIndex {
  const index: CardIndex = new Map();
  for (const card of cards)
    for (const k of card.keys) {
      const list = index.get(k);
      if (list) list.push(card);
      else index.set(k, [card]);
    }
  return index;
}

/**
 * Matches many entities against an in-memory CardIndex with the same preferences as findCard.
 * Returns a map from each query's position in `queries` to its card; entities without one are absent.
 */
export function matchCards(index: CardIndex, queries: readonly CardQuery[]): Map<number, Card> {
  const found = new Map<number, Card>();
  queries.forEach((q, i) => {
    const candidates = new Set<Card>();
    for (const k of keysFor(q.name, q.aliases ?? [])) for (const c of index.get(k) ?? []) candidates.add(c);
    const card = best([...candidates], q);
    if (card) found.set(i, card);
  });
  return found;
}

/** Finds cards for many entities with one index query (see matchCards for the in-memory form). */
export async function findCards(db: BackstoryDB, queries: readonly CardQuery[]): Promise<Map<number, Card>> {
  const allKeys = new Set<string>();
  for (const q of queries) for (const k of keysFor(q.name, q.aliases ?? [])) allKeys.add(k);
  if (allKeys.size === 0) return new Map();
  const candidates = await db.cards
    .where('keys')
    .anyOf([...allKeys])
    .distinct()
    .toArray();
  return matchCards(indexCards(candidates), queries);
}

/** Returns a new id for a card the reader makes. */
function readerCardId(): string {
  return `reader-${crypto.randomUUID()}`;
}

/**
 * Creates a reader card for an entity that has none yet. If a card of the same kind already
 * answers to that name, it is returned instead, so a double click never makes two cards.
 */
export async function createReaderCard(db: BackstoryDB, query: CardQuery): Promise<Result<Card>> {
  const name = query.name.trim();
  if (!name) return fail('A card needs a name.');
  const aliases = [...new Set((query.aliases ?? []).map((a) => a.trim()).filter((a) => a && a !== name))];
  const now = Date.now();
  const card: Card = {
    id: readerCardId(),
    name,
    kind: query.kind,
    aliases,
    keys: keysFor(name, aliases),
    description: '',
    summary: '',
    source: 'reader',
    edited: true,
    createdAt: now,
    updatedAt: now,
  };
  try {
    // Looked for and added in one transaction: two requests at once (the card's button and the
    // note frame's first note) would otherwise both find nothing and make two cards.
    return await db.transaction('rw', db.cards, async () => {
      const existing = await findCard(db, { ...query, name });
      if (existing && existing.kind === query.kind && nameKey(existing.name) === nameKey(name)) return ok(existing);
      await db.cards.add(card);
      return ok(card);
    });
  } catch (error) {
    return fail(describeWriteError('The card', error));
  }
}

/** A name the detector should know, with its kind (from a card's name and aliases). */
export interface KnownName {
  name: string;
  kind: EntityKind;
  aliases: string[];
}

/** The names, kinds and aliases of `cards` (not their demonyms), for the detector's gazetteer. */
export function knownNamesOf(cards: readonly Card[]): KnownName[] {
  return cards.map((c) => ({ name: c.name, kind: c.kind, aliases: [...c.aliases] }));
}

/** Every card's name, kind and aliases, for the detector's gazetteer. */
export async function listKnownNames(db: BackstoryDB): Promise<KnownName[]> {
  return knownNamesOf(await db.cards.toArray());
}
