/** Finding and creating cards. Every function takes the database, so tests can pass their own. */
import type { EntityKind } from '../entity';
import { nameKey } from '../entity';
import type { Card } from './records';
import { cardKeys, keysFor, type BackstoryDB } from './schema';
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
  if (card.kind === query.kind) s += 8;
  if (cardKeys.has(primary)) s += 4;
  if (nameKey(card.name) === primary) s += 2;
  if (card.edited) s += 1; // the reader's own version wins a tie
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
  for (const card of cards) for (const k of card.keys) index.set(k, [...(index.get(k) ?? []), card]);
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
  const candidates = await db.cards.where('keys').anyOf([...allKeys]).distinct().toArray();
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
  const existing = await findCard(db, { ...query, name });
  if (existing && existing.kind === query.kind && nameKey(existing.name) === nameKey(name)) return ok(existing);
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
    await db.cards.add(card);
    return ok(card);
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

/** Longest description, summary and alias list the reader can save on a card. */
export const CARD_LIMITS = { description: 500, summary: 5000, aliases: 50, alias: 300 } as const;

/** The reader's changes to a card. */
export interface CardEdit {
  cardId: string;
  description: string;
  summary: string;
  aliases: readonly string[];
}

/** A problem with an edit, or null when it can be saved. */
export function cardEditError(edit: Omit<CardEdit, 'cardId'>): string | null {
  if (edit.description.length > CARD_LIMITS.description) return `A description can be at most ${CARD_LIMITS.description} characters.`;
  if (edit.summary.length > CARD_LIMITS.summary) return `A summary can be at most ${CARD_LIMITS.summary.toLocaleString('en')} characters.`;
  if (edit.aliases.length > CARD_LIMITS.aliases) return `A card can have at most ${CARD_LIMITS.aliases} other names.`;
  if (edit.aliases.some((a) => a.length > CARD_LIMITS.alias)) return `An other name can be at most ${CARD_LIMITS.alias} characters.`;
  return null;
}

/**
 * Trimmed aliases without empties, exact repeats or the card's own name. Case variants stay
 * ("NATO" beside "Nato"): the detector matches names as written.
 */
function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.trim()]);
  const out: string[] = [];
  for (const a of aliases.map((x) => x.replace(/\s+/g, ' ').trim())) {
    if (!nameKey(a) || seen.has(a)) continue;
    seen.add(a);
    out.push(a);
  }
  return out;
}

/**
 * Saves the reader's edit of a card's description, summary and aliases. The card becomes
 * `edited`, so starter upgrades and Wikipedia refreshes leave it alone from then on.
 */
export async function updateCard(db: BackstoryDB, edit: CardEdit): Promise<Result<Card>> {
  const problem = cardEditError(edit);
  if (problem) return fail(problem);
  try {
    return await db.transaction('rw', db.cards, async () => {
      const old = await db.cards.get(edit.cardId);
      if (!old) return fail('The card was not saved: it no longer exists.');
      const aliases = cleanAliases(old.name, edit.aliases);
      const card: Card = {
        ...old,
        description: edit.description.trim(),
        summary: edit.summary.trim(),
        aliases,
        keys: cardKeys({ name: old.name, aliases, demonyms: old.demonyms }),
        edited: true,
        updatedAt: Date.now(),
      };
      await db.cards.put(card);
      return ok(card);
    });
  } catch (error) {
    return fail(describeWriteError('The card', error));
  }
}

/** Deletes a card with its notes, mentions and the look-ups pointing at it. */
export async function deleteCard(db: BackstoryDB, cardId: string): Promise<Result<{ deleted: boolean; notes: number }>> {
  try {
    return await db.transaction('rw', [db.cards, db.notes, db.mentions, db.lookups], async () => {
      if (!(await db.cards.get(cardId))) return ok({ deleted: false, notes: 0 });
      const notes = await db.notes.where('cardId').equals(cardId).delete();
      await db.mentions.where('cardId').equals(cardId).delete();
      await db.lookups.where('cardId').equals(cardId).delete();
      await db.cards.delete(cardId);
      return ok({ deleted: true, notes });
    });
  } catch (error) {
    return fail(describeWriteError('The card', error, 'was not deleted'));
  }
}

/**
 * Merges card `dropId` into `keepId` (the same entity twice): notes, mentions and look-ups move
 * to the kept card, names are united (the dropped card's name becomes an alias), empty fields
 * are filled from the dropped card, and the dropped card is deleted. One transaction.
 */
export async function mergeCards(db: BackstoryDB, keepId: string, dropId: string): Promise<Result<Card>> {
  if (keepId === dropId) return fail('A card cannot be merged with itself.');
  try {
    return await db.transaction('rw', [db.cards, db.notes, db.mentions, db.lookups], async () => {
      const [keep, drop] = await db.cards.bulkGet([keepId, dropId]);
      if (!keep || !drop) return fail('The cards were not merged: one of them no longer exists.');
      const aliases = cleanAliases(keep.name, [...keep.aliases, drop.name, ...drop.aliases]);
      const demonyms = [...new Set([...(keep.demonyms ?? []), ...(drop.demonyms ?? [])])];
      const merged: Card = {
        ...keep,
        aliases,
        description: keep.description || drop.description,
        summary: keep.summary || drop.summary,
        image: keep.image ?? drop.image,
        url: keep.url ?? drop.url,
        wikidata: keep.wikidata ?? drop.wikidata,
        edited: true,
        updatedAt: Date.now(),
        createdAt: Math.min(keep.createdAt, drop.createdAt),
      };
      if (demonyms.length) merged.demonyms = demonyms;
      for (const k of ['image', 'url', 'wikidata'] as const) if (merged[k] === undefined) delete merged[k];
      merged.keys = cardKeys(merged);
      await db.notes.where('cardId').equals(dropId).modify({ cardId: keepId });
      const keptUrls = new Set((await db.mentions.where('cardId').equals(keepId).toArray()).map((m) => m.url));
      await db.mentions.where('cardId').equals(dropId).modify((m, ref) => {
        if (keptUrls.has(m.url)) delete (ref as { value?: unknown }).value; // already met there
        else m.cardId = keepId;
      });
      await db.lookups.where('cardId').equals(dropId).modify({ cardId: keepId });
      await db.cards.delete(dropId);
      await db.cards.put(merged);
      return ok(merged);
    });
  } catch (error) {
    return fail(describeWriteError('The merged card', error));
  }
}
