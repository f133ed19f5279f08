/**
 * Between a look-up and the database: storing what resolving a name gave (a card, "choose one",
 * "no article", a tombstone) and reading a stored record back as an answer.
 */
import type { EntityKind } from '../entity';
import type { BackstoryDB } from '../db/schema';
import type { Card } from '../db/records';
import { lookedUpCard, saveLookup, type LookupRecord } from '../db/lookups';
import { saveWikipediaCard, wikipediaCardId } from '../db/wikipedia-cards';
import type { Resolved } from './resolve';
import type { LookupState } from './types';

/** A name to look up, as the detector saw it: the kind matters, "Salisbury" is a city and a man. */
export interface NameQuery {
  name: string;
  kind: EntityKind;
}

/** A card (or none) with what the look-up said. */
export interface CardLookup {
  card: Card | null;
  lookup: LookupState;
}

/** The state a stored record stands for. */
export function stateOf(record: LookupRecord): LookupState {
  if (record.status === 'found') return { status: 'found', candidates: record.candidates };
  if (record.status === 'ambiguous') return { status: 'ambiguous', candidates: record.candidates };
  if (record.status === 'deleted') return { status: 'deleted' };
  return { status: 'missing' };
}

/** The answer a stored record gives, or null when it led to a card that is gone (ask again). */
export async function answerOf(db: BackstoryDB, record: LookupRecord): Promise<CardLookup | null> {
  const card = await lookedUpCard(db, record);
  return card || record.status !== 'found' ? { card, lookup: stateOf(record) } : null;
}

/** How an answer is stored. */
export interface SaveOptions {
  now: number;
  /** The reader picked the article: it wins over any automatic choice from then on. */
  chosenByReader?: boolean;
  /** The reader asked (a retry or a choice), so even a card they deleted before is made again. */
  explicit?: boolean;
  /** Called after a card was written or found for the name (so the detector learns its name). */
  onCardSaved?: (card: Card) => void;
}

/**
 * Stores what resolving `q` gave and turns it into a CardLookup. A failure is not stored: the
 * next hover asks again, and a cached answer stays as it was.
 */
export async function saveResolved(db: BackstoryDB, q: NameQuery, r: Resolved, opts: SaveOptions): Promise<CardLookup> {
  const chosenByReader = opts.chosenByReader ?? false;
  const base = { name: q.name, kind: q.kind, chosenByReader, checkedAt: opts.now };
  if (r.status === 'failed') return { card: null, lookup: { status: 'failed', error: r.error } };
  if (r.status === 'missing') {
    await saveLookup(db, { ...base, status: 'missing', candidates: [] });
    return { card: null, lookup: { status: 'missing' } };
  }
  if (r.status === 'ambiguous') {
    await saveLookup(db, { ...base, status: 'ambiguous', candidates: r.candidates });
    return { card: null, lookup: { status: 'ambiguous', candidates: r.candidates } };
  }
  const card = await saveWikipediaCard(db, r.summary, q.kind, opts.now, opts.explicit ?? chosenByReader);
  if (!card) {
    // The article's card was deleted: this name now leads to it too, so it gets the same tombstone.
    const deletedCardId = wikipediaCardId(r.summary);
    await saveLookup(db, { ...base, status: 'deleted', deletedCardId, title: r.summary.title, candidates: [] });
    return { card: null, lookup: { status: 'deleted' } };
  }
  await saveLookup(
    db,
    { ...base, status: 'found', cardId: card.id, title: r.summary.title, candidates: r.candidates },
    chosenByReader,
  );
  opts.onCardSaved?.(card);
  return { card, lookup: { status: 'found', candidates: r.candidates } };
}
