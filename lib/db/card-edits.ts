/** The reader's own changes to cards: edit, delete, merge. Writes return a Result and never throw. */
import { nameKey } from '../entity';
import type { Card } from './records';
import { cardKeys } from './card-keys';
import type { BackstoryDB } from './schema';
import { describeWriteError, fail, ok } from './errors';
import { MERGED_KEY_PREFIX, tombstoneLookups } from './lookups';
import { noteCardIds, uniqueIds } from './note-model';
import { mergeOnPage, removeFromPage } from './page-mentions';
import { relinkTimelines } from './page-timelines';
import type { Result } from '../messaging/protocol';

/**
 * Re-links every note on card `fromId`: `to` gives the card that replaces it (merge) or null
 * (delete). A note left with no card is deleted, unless it holds a quote. Returns how many were deleted.
 */
async function relinkNotes(db: BackstoryDB, fromId: string, to: string | null): Promise<number> {
  // Every note has cardIds since the version-4 upgrade (imports of older files fill it too).
  const notes = await db.notes.where('cardIds').equals(fromId).toArray();
  const gone: string[] = [];
  for (const note of notes) {
    const ids = uniqueIds(noteCardIds(note).flatMap((id) => (id === fromId ? (to ? [to] : []) : [id])));
    // A quote stands on its own (it is saved with no card at all when none was spotted): only a
    // note that was nothing but words about this card goes with it.
    if (ids.length === 0 && !note.quote) gone.push(note.id);
    else await db.notes.update(note.id, { cardIds: ids, cardId: ids[0] ?? '' });
  }
  await db.notes.bulkDelete(gone);
  return gone.length;
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
  if (edit.description.length > CARD_LIMITS.description)
    return `A description can be at most ${CARD_LIMITS.description} characters.`;
  if (edit.summary.length > CARD_LIMITS.summary)
    return `A summary can be at most ${CARD_LIMITS.summary.toLocaleString('en')} characters.`;
  if (edit.aliases.length > CARD_LIMITS.aliases) return `A card can have at most ${CARD_LIMITS.aliases} other names.`;
  if (edit.aliases.some((a) => a.length > CARD_LIMITS.alias))
    return `An other name can be at most ${CARD_LIMITS.alias} characters.`;
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
        // Later than the version it replaces, even one dated ahead (a device with a fast clock, an
        // import): re-importing that version must not win over this edit.
        updatedAt: Math.max(Date.now(), old.updatedAt + 1),
      };
      await db.cards.put(card);
      return ok(card);
    });
  } catch (error) {
    return fail(describeWriteError('The card', error));
  }
}

/**
 * Deletes a card with its mentions and the notes only on it (notes also on other cards lose
 * just this link); page timelines keep its name, unlinked. The look-ups pointing at it become
 * tombstones (see tombstoneLookups), so the card does not reappear by itself on the next hover.
 */
export async function deleteCard(
  db: BackstoryDB,
  cardId: string,
): Promise<Result<{ deleted: boolean; notes: number }>> {
  try {
    return await db.transaction('rw', [db.cards, db.notes, db.pageMentions, db.lookups, db.timelines], async () => {
      const card = await db.cards.get(cardId);
      if (!card) return ok({ deleted: false, notes: 0 });
      // Notes only on this card go with it; notes also on other cards just lose the link.
      const notes = await relinkNotes(db, cardId, null);
      // Its entry leaves every page it was met on; a page left with no card goes too.
      await db.pageMentions
        .where('cardIds')
        .equals(cardId)
        .modify((page, ref) => {
          removeFromPage(page, cardId);
          if (page.cardIds.length === 0) delete (ref as { value?: unknown }).value;
        });
      // A timeline entry still names it, but a link would open "no longer in your notebook".
      await relinkTimelines(db, cardId, null);
      await tombstoneLookups(db, card);
      await db.cards.delete(cardId);
      return ok({ deleted: true, notes });
    });
  } catch (error) {
    return fail(describeWriteError('The card', error, 'was not deleted'));
  }
}

/**
 * Merges card `dropId` into `keepId` (the same entity twice): notes, mentions, look-ups and page
 * timeline links move to the kept card, names are united (the dropped card's name becomes an
 * alias), empty fields are filled from the dropped card, and the dropped card is deleted (leaving
 * a tombstone that names the kept card). One transaction.
 */
export async function mergeCards(db: BackstoryDB, keepId: string, dropId: string): Promise<Result<Card>> {
  if (keepId === dropId) return fail('A card cannot be merged with itself.');
  try {
    return await db.transaction('rw', [db.cards, db.notes, db.pageMentions, db.lookups, db.timelines], async () => {
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
        ...(keep.dates || drop.dates ? { dates: keep.dates ?? drop.dates } : {}),
        edited: true,
        updatedAt: Math.max(Date.now(), keep.updatedAt + 1, drop.updatedAt + 1),
        createdAt: Math.min(keep.createdAt, drop.createdAt),
      };
      if (demonyms.length) merged.demonyms = demonyms;
      for (const k of ['image', 'url', 'wikidata'] as const) if (merged[k] === undefined) delete merged[k];
      merged.keys = cardKeys(merged);
      await relinkNotes(db, dropId, keepId);
      // On a page where both were met, the kept card's own first sighting stays.
      await db.pageMentions
        .where('cardIds')
        .equals(dropId)
        .modify((page) => mergeOnPage(page, keepId, dropId));
      await db.lookups.where('cardId').equals(dropId).modify({ cardId: keepId });
      await relinkTimelines(db, dropId, keepId);
      // The merged-away card must stay gone: a tombstone under a key no name can have (names are
      // looked up by lookupKey), so starter upgrades do not bring back a shipped card merged away.
      // It names the kept card, so an import of an earlier backup sends the dropped card's notes
      // and mentions there (see lib/notebook/gone-cards.ts).
      await db.lookups.put({
        key: `${MERGED_KEY_PREFIX}${dropId}`,
        name: drop.name,
        kind: drop.kind,
        status: 'deleted',
        deletedCardId: dropId,
        mergedInto: keepId,
        candidates: [],
        chosenByReader: false,
        checkedAt: Date.now(),
      });
      await db.cards.delete(dropId);
      await db.cards.put(merged);
      return ok(merged);
    });
  } catch (error) {
    return fail(describeWriteError('The merged card', error));
  }
}
