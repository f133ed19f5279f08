/** Installing the starter cards shipped in public/starter-cards.json. */
import * as v from 'valibot';
import { ENTITY_KINDS, nameKey } from '../entity';
import { cardDatesSchema } from './card-dates';
import type { Card } from './records';
import { deletedCardIds } from './lookups';
import { lookupKey } from './lookup-key';
import { cardKeys } from './card-keys';
import type { BackstoryDB } from './schema';

/** A card as shipped in starter-cards.json (timestamps are added when it is installed). */
export type StarterCard = Omit<Card, 'createdAt' | 'updatedAt'>;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** Shape every shipped card must have; a malformed one is skipped, never written. */
export const starterCardSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be a lowercase slug')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)),
  kind: v.picklist(ENTITY_KINDS),
  aliases: v.array(text(300)),
  demonyms: v.optional(v.array(text(300))),
  keys: v.array(text(300)),
  description: text(500),
  summary: text(5000),
  image: v.optional(v.pipe(v.string(), v.regex(/^(https:\/\/|\/)/, 'image must be https or extension-relative'))),
  url: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https:\/\//, 'url must be https'))),
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q\d+$/))),
  dates: v.optional(cardDatesSchema),
  source: v.literal('starter'),
  edited: v.literal(false),
});

/** What installStarterCards did. */
export interface InstallReport {
  /** Cards written (new or refreshed). */
  written: number;
  /** Cards left alone because the reader edited them (or deleted them: see tombstoneLookups). */
  keptEdited: number;
  /**
   * New starter cards (an upgrade's) not written because the reader already has a card for that
   * name, of any kind: one a look-up made (also under another title, a redirect) or their own. The
   * shipped card could take the name's hovers from it, and with them the notes written on it.
   */
  alreadyHeld: number;
  /** Entries that did not have a card's shape (with the first problem of each). */
  invalid: string[];
}

/**
 * Upserts the starter cards by id in one transaction. A card the reader edited
 * (`edited: true`) is never overwritten, and one the reader deleted is not brought back;
 * a refreshed card keeps its original `createdAt`.
 * `keys` are recomputed from name, aliases and demonyms, so they always match the running nameKey().
 */
export async function installStarterCards(db: BackstoryDB, cards: readonly unknown[]): Promise<InstallReport> {
  const report: InstallReport = { written: 0, keptEdited: 0, alreadyHeld: 0, invalid: [] };
  const valid: StarterCard[] = [];
  for (const raw of cards) {
    const parsed = v.safeParse(starterCardSchema, raw);
    if (parsed.success) valid.push(parsed.output);
    else {
      const id = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
      report.invalid.push(`${id}: ${parsed.issues[0].message}`);
    }
  }
  await db.transaction('rw', db.cards, db.lookups, async () => {
    const existing = await db.cards.bulkGet(valid.map((c) => c.id));
    const deleted = await deletedCardIds(db);
    // The new starter cards' names that the reader's database already leads to another card.
    const ids = new Set(valid.map((c) => c.id));
    const freshCards = valid.filter((_, i) => !existing[i]);
    const fresh = freshCards.map((c) => nameKey(c.name));
    const held = new Set<string>();
    if (fresh.length > 0) {
      // A card with the name among its keys (its name, an alias, a demonym)...
      for (const other of await db.cards.where('keys').anyOf(fresh).distinct().toArray())
        if (!ids.has(other.id)) for (const k of other.keys) held.add(k);
      // ...or a look-up of the name, under any kind, that found a card under another title
      // ("Twitter" → "X"), while that card is still there (the reader may have emptied the database).
      const asked = freshCards.flatMap((c) => ENTITY_KINDS.map((kind) => lookupKey(kind, c.name)));
      const found = (await db.lookups.bulkGet(asked)).map((l) =>
        l?.status === 'found' && l.cardId && !ids.has(l.cardId) ? l.cardId : '',
      );
      const there = await db.cards.bulkGet(found);
      there.forEach((card, i) => {
        if (card) held.add(fresh[Math.floor(i / ENTITY_KINDS.length)]!);
      });
    }
    const now = Date.now();
    const toWrite: Card[] = [];
    valid.forEach((card, i) => {
      const old = existing[i];
      if (old?.edited || (!old && deleted.has(card.id))) {
        report.keptEdited++;
        return;
      }
      if (!old && held.has(nameKey(card.name))) {
        report.alreadyHeld++;
        return;
      }
      toWrite.push({
        ...card,
        keys: cardKeys(card),
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
      });
    });
    await db.cards.bulkPut(toWrite);
    report.written = toWrite.length;
  });
  return report;
}
