/**
 * What Wikipedia said about each name (found, ambiguous, missing), the cards made from it, and
 * the reader's choices among candidates. A card the reader edited is never overwritten.
 */
import { nameKey, type EntityKind } from '../entity';
import type { Candidate, PageSummary } from '../lookup/types';
import type { Card } from './records';
import { keysFor, type BackstoryDB } from './schema';

/** One name's look-up, keyed by nameKey(name). */
export interface LookupRecord {
  key: string;
  name: string;
  kind: EntityKind;
  status: 'found' | 'ambiguous' | 'missing';
  /** The card the name resolved to (status 'found'). */
  cardId?: string;
  /** The Wikipedia title behind cardId, for refreshes. */
  title?: string;
  /** Other articles the name may mean (ambiguous), or alternatives to the one chosen. */
  candidates: Candidate[];
  /** True when the reader picked the article: it wins over any automatic choice from then on. */
  chosenByReader: boolean;
  checkedAt: number;
}

/** A Wikipedia card is refreshed after this long. */
export const REFRESH_AFTER_MS = 30 * 24 * 3600 * 1000;
/** "No article" is believed for this long before asking again. */
export const MISSING_TTL_MS = 7 * 24 * 3600 * 1000;

/** The look-up record of a name, or undefined. */
export function getLookup(db: BackstoryDB, name: string): Promise<LookupRecord | undefined> {
  return db.lookups.get(nameKey(name));
}

/** True when a record is too old to trust (missing/ambiguous answers age faster than cards). */
export function isStale(record: LookupRecord, now = Date.now()): boolean {
  if (record.chosenByReader) return false;
  const ttl = record.status === 'found' ? REFRESH_AFTER_MS : MISSING_TTL_MS;
  return now - record.checkedAt > ttl;
}

/** Writes a look-up record; a reader's choice is kept unless `replaceChoice`. */
export async function saveLookup(
  db: BackstoryDB,
  record: Omit<LookupRecord, 'key'>,
  replaceChoice = false,
): Promise<LookupRecord> {
  const key = nameKey(record.name);
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

/** Card id for a Wikipedia article: its Wikidata id when it has one, else a slug of the title. */
export function wikipediaCardId(summary: Pick<PageSummary, 'title' | 'wikibaseItem'>): string {
  if (summary.wikibaseItem) return `wp-${summary.wikibaseItem.toLowerCase()}`;
  const slug = nameKey(summary.title)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `wp-${slug || 'untitled'}`;
}

/** "Georgia (country)" → "Georgia": the words in brackets only tell articles apart. */
function cardName(title: string): string {
  return title.replace(/\s*\([^)]*\)\s*$/, '').trim() || title;
}

/**
 * Writes (or refreshes) the card of a Wikipedia article. An edited card with that id is kept
 * as it is and returned; a refreshed one keeps its createdAt, kind and aliases.
 */
export async function saveWikipediaCard(
  db: BackstoryDB,
  summary: PageSummary,
  kind: EntityKind,
  now = Date.now(),
): Promise<Card> {
  const id = wikipediaCardId(summary);
  return db.transaction('rw', db.cards, async () => {
    const old = await db.cards.get(id);
    if (old?.edited) return old;
    const name = cardName(summary.title);
    const aliases = old?.aliases ?? [];
    const card: Card = {
      id,
      name,
      kind: old?.kind ?? kind,
      aliases,
      keys: keysFor(name, aliases),
      description: summary.description,
      summary: summary.extract,
      source: 'wikipedia',
      edited: false,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
      fetchedAt: now,
    };
    if (summary.thumbnail) card.image = summary.thumbnail;
    if (summary.pageUrl) card.url = summary.pageUrl;
    if (summary.wikibaseItem) card.wikidata = summary.wikibaseItem;
    await db.cards.put(card);
    return card;
  });
}

/** True when a card came from Wikipedia, was not edited and is older than REFRESH_AFTER_MS. */
export function needsRefresh(card: Card, now = Date.now()): boolean {
  return card.source === 'wikipedia' && !card.edited && now - (card.fetchedAt ?? 0) > REFRESH_AFTER_MS;
}

/** The Wikipedia title a card was made from (via any look-up pointing at it). */
export async function titleOfCard(db: BackstoryDB, cardId: string): Promise<string | undefined> {
  const rec = await db.lookups.where('cardId').equals(cardId).first();
  return rec?.title;
}
