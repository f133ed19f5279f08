/**
 * Pure helpers over PageMentions records (one record per page, parallel per-card arrays): the
 * flat Mention view callers and export files use, and adding, removing and merging cards while
 * keeping the arrays in step. No database access here, so the schema upgrade, recording,
 * card edits and import all share one definition of "the first sighting stays".
 */
import type { Mention, PageMentions } from './records';

/** An empty record for a page first seen at `seenAt`. */
export function newPage(url: string, title: string, site: string, seenAt: number): PageMentions {
  return { url, title, site, seenAt, cardIds: [], sentences: [], seenAts: [] };
}

/** Entry `i` of a page as a flat Mention. */
function entry(page: PageMentions, i: number): Mention {
  return {
    cardId: page.cardIds[i] ?? '',
    url: page.url,
    title: page.title,
    site: page.site,
    sentence: page.sentences[i] ?? '',
    seenAt: page.seenAts[i] ?? page.seenAt,
  };
}

/** Every card met on a page, as flat Mentions in the page's order. */
export function mentionsOf(page: PageMentions): Mention[] {
  return page.cardIds.map((_, i) => entry(page, i));
}

/** The flat Mention of `cardId` on a page, or null when the card was not met there. */
export function mentionOn(page: PageMentions, cardId: string): Mention | null {
  const i = page.cardIds.indexOf(cardId);
  return i < 0 ? null : entry(page, i);
}

/**
 * Adds a card to a page unless it is already there (its first sighting and sentence stay).
 * Mutates `page`; returns whether the card was added.
 */
export function addToPage(page: PageMentions, cardId: string, sentence: string, seenAt: number): boolean {
  if (page.cardIds.includes(cardId)) return false;
  page.cardIds.push(cardId);
  page.sentences.push(sentence);
  page.seenAts.push(seenAt);
  if (seenAt < page.seenAt) page.seenAt = seenAt;
  return true;
}

/** Removes a card from a page. Mutates `page`; returns whether the card was there. */
export function removeFromPage(page: PageMentions, cardId: string): boolean {
  const i = page.cardIds.indexOf(cardId);
  if (i < 0) return false;
  page.cardIds.splice(i, 1);
  page.sentences.splice(i, 1);
  page.seenAts.splice(i, 1);
  if (page.seenAts.length > 0) page.seenAt = Math.min(...page.seenAts);
  return true;
}

/**
 * Folds card `dropId` into `keepId` on one page: the dropped card's entry becomes the kept
 * card's, unless the kept card was met there too (its own first sighting stays, the dropped
 * entry goes). Mutates `page`.
 */
export function mergeOnPage(page: PageMentions, keepId: string, dropId: string): void {
  const i = page.cardIds.indexOf(dropId);
  if (i < 0) return;
  if (page.cardIds.includes(keepId)) removeFromPage(page, dropId);
  else page.cardIds[i] = keepId;
}

/** What mergeMentions did. */
export interface MergedMentions {
  /** The page records that gained a card (stored ones updated in place, and new ones). */
  changed: PageMentions[];
  /** Cards newly recorded on a page. */
  added: number;
  /** Mentions of a card already recorded on that page (earlier in the list or stored). */
  skipped: number;
}

/**
 * Merges flat mentions into page records, one mention per card per page, the first one met in
 * `mentions` (or already stored) staying. `pages` maps url to the stored record of every page
 * the mentions may land on; it is updated in place and gains the new pages. A new page takes
 * its title and site from its first mention. O(mentions × cards on a page).
 */
export function mergeMentions(pages: Map<string, PageMentions>, mentions: readonly Mention[]): MergedMentions {
  const changed = new Set<PageMentions>();
  let added = 0;
  let skipped = 0;
  for (const m of mentions) {
    let page = pages.get(m.url);
    if (!page) {
      page = newPage(m.url, m.title, m.site, m.seenAt);
      pages.set(m.url, page);
    }
    if (addToPage(page, m.cardId, m.sentence, m.seenAt)) {
      added++;
      changed.add(page);
    } else skipped++;
  }
  return { changed: [...changed], added, skipped };
}
