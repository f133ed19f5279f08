/**
 * What Wikipedia said about each name of each kind (found, ambiguous, missing), the reader's
 * choices among candidates, and tombstones for cards the reader deleted. The cards themselves
 * are written by wikipedia-cards.ts.
 */
import { ENTITY_KINDS, nameKey, type EntityKind } from '../entity';
import type { Candidate } from '../lookup/types';
import type { Card } from './records';
import type { BackstoryDB } from './schema';
import { lookupKey } from './lookup-key';

/** One name's look-up as one kind, keyed by lookupKey(kind, name). */
export interface LookupRecord {
  key: string;
  name: string;
  kind: EntityKind;
  /** 'deleted': a tombstone; the reader deleted the card this name led to (see tombstoneLookups). */
  status: 'found' | 'ambiguous' | 'missing' | 'deleted';
  /** The card the name resolved to (status 'found'). */
  cardId?: string;
  /** The card the reader deleted (status 'deleted'): starter upgrades do not bring it back. */
  deletedCardId?: string;
  /**
   * The card that `deletedCardId` was merged into (a merge tombstone, keyed MERGED_KEY_PREFIX + id).
   * Merge tombstones written before this was recorded do not have it.
   */
  mergedInto?: string;
  /** The Wikipedia title behind cardId, for refreshes. */
  title?: string;
  /** Other articles the name may mean (ambiguous), or alternatives to the one chosen. */
  candidates: Candidate[];
  /** True when the reader picked the article: it wins over any automatic choice from then on. */
  chosenByReader: boolean;
  checkedAt: number;
}

/**
 * Key prefix of the tombstone mergeCards leaves for a merged-away card: no name's lookupKey
 * starts with a NUL, so no look-up ever reads or replaces it.
 */
export const MERGED_KEY_PREFIX = '\u0000merged:';

/** A Wikipedia card is refreshed after this long. */
export const REFRESH_AFTER_MS = 30 * 24 * 3600 * 1000;
/** "No article" is believed for this long before asking again. */
export const MISSING_TTL_MS = 7 * 24 * 3600 * 1000;

/** The look-up record of a name as a kind, or undefined. */
export function getLookup(db: BackstoryDB, q: Pick<LookupRecord, 'name' | 'kind'>): Promise<LookupRecord | undefined> {
  return db.lookups.get(lookupKey(q.kind, q.name));
}

/**
 * The look-up record of a name as a kind or, when it has none, a tombstone the name has as another
 * kind. A deletion is the reader's word about the name: a card deleted as an organisation must not
 * come back as a Wikipedia card when the detector next takes the name for a place (a starter or
 * reader-made card's id is not the Wikipedia card's, so the card-id tombstone would not stop it).
 */
export async function getLookupOrTombstone(
  db: BackstoryDB,
  q: Pick<LookupRecord, 'name' | 'kind'>,
): Promise<LookupRecord | undefined> {
  const own = await getLookup(db, q);
  if (own) return own;
  const others = await db.lookups.bulkGet(ENTITY_KINDS.filter((k) => k !== q.kind).map((k) => lookupKey(k, q.name)));
  return others.find((r) => r?.status === 'deleted');
}

/** True when a record is too old to trust (missing/ambiguous answers age faster than cards). */
export function isStale(record: LookupRecord, now = Date.now()): boolean {
  // A deletion is the reader's word: it never expires by itself.
  if (record.chosenByReader || record.status === 'deleted') return false;
  const ttl = record.status === 'found' ? REFRESH_AFTER_MS : MISSING_TTL_MS;
  return now - record.checkedAt > ttl;
}

/** Writes a look-up record; a reader's choice is kept unless `replaceChoice`. */
export async function saveLookup(
  db: BackstoryDB,
  record: Omit<LookupRecord, 'key'>,
  replaceChoice = false,
): Promise<LookupRecord> {
  const key = lookupKey(record.kind, record.name);
  return db.transaction('rw', db.lookups, async () => {
    const old = await db.lookups.get(key);
    if (old?.chosenByReader && !replaceChoice && !record.chosenByReader) return old;
    const row: LookupRecord = { ...record, key };
    await db.lookups.put(row);
    return row;
  });
}

/** The card a name's look-up points at, when the record and the card both exist. */
export async function lookedUpCard(db: BackstoryDB, record: LookupRecord | undefined): Promise<Card | null> {
  if (!record?.cardId) return null;
  return (await db.cards.get(record.cardId)) ?? null;
}

/** The Wikipedia title a card was made from (via any look-up pointing at it). */
export async function titleOfCard(db: BackstoryDB, cardId: string): Promise<string | undefined> {
  const rec = await db.lookups.where('cardId').equals(cardId).first();
  return rec?.title;
}

/**
 * Remembers that the reader deleted `card`, so it does not come back by itself: every look-up
 * that led to it, and its name and other names, become 'deleted' tombstones (no cardId).
 * A hover then answers "deleted" instead of fetching the article again; an explicit retry or
 * choice replaces the tombstone. Run inside the caller's transaction (needs db.lookups).
 */
export async function tombstoneLookups(
  db: BackstoryDB,
  card: Pick<Card, 'id' | 'name' | 'kind' | 'aliases'>,
  now = Date.now(),
): Promise<void> {
  const pointing = await db.lookups.where('cardId').equals(card.id).toArray();
  const rows = new Map<string, LookupRecord>();
  const bury = (base: Pick<LookupRecord, 'key' | 'name' | 'kind'> & Partial<LookupRecord>) =>
    rows.set(base.key, {
      key: base.key,
      name: base.name,
      kind: base.kind,
      status: 'deleted',
      deletedCardId: card.id,
      candidates: base.candidates ?? [],
      chosenByReader: false,
      checkedAt: now,
      ...(base.title ? { title: base.title } : {}),
    });
  for (const rec of pointing) bury(rec);
  for (const name of [card.name, ...card.aliases]) {
    const key = lookupKey(card.kind, name);
    if (!nameKey(name) || rows.has(key)) continue;
    const old = await db.lookups.get(key);
    // A name that already leads elsewhere (another card, the reader's choice) keeps its record.
    if (old && old.status !== 'missing') continue;
    bury({ key, name, kind: card.kind });
  }
  await db.lookups.bulkPut([...rows.values()]);
}

/** Ids of cards the reader deleted (tombstones), so starter upgrades leave them deleted. */
export async function deletedCardIds(db: BackstoryDB): Promise<Set<string>> {
  // Only tombstones carry a deletedCardId, and the index holds only rows that have one.
  const ids = await db.lookups.orderBy('deletedCardId').uniqueKeys();
  return new Set(ids.map(String));
}
