/** Where the reader met each entity: one mention per card per page, stored as one record per page. */
import { addToPage, mentionOn, mergeMentions, newPage } from './page-mentions';
import type { Mention, PageMentions } from './records';
import type { BackstoryDB } from './schema';
import { pageUrl } from '../sites/tracking-params';

/** The longest sentence kept with a mention (a run-on "sentence" is cut around the name). */
export const MAX_SENTENCE_CHARS = 400;

/** The host name of `url`, or '' when it is not a URL. */
function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** One sighting to record. */
export interface MentionInput {
  cardId: string;
  url: string;
  title: string;
  sentence: string;
}

/**
 * Records that the reader met these cards on a page. A card already recorded for the same
 * page keeps its first mention (and the sentence it first appeared in); new ones are added in
 * one transaction, one get and one put per page. Returns how many mentions were added.
 */
export async function recordMentions(db: BackstoryDB, inputs: readonly MentionInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const now = Date.now();
  const byUrl = new Map<string, MentionInput[]>();
  for (const m of inputs) {
    const url = pageUrl(m.url);
    const list = byUrl.get(url);
    if (list) list.push(m);
    else byUrl.set(url, [m]);
  }
  const urls = [...byUrl.keys()];
  const ids = [...new Set(inputs.map((m) => m.cardId))];
  return db.transaction('rw', db.pageMentions, db.cards, async () => {
    // The background writes mentions after its reply: a card deleted (or a history cleared with
    // "Delete everything") in between must not come back as a mention of a card that is gone.
    const [stored, cards] = await Promise.all([db.pageMentions.bulkGet(urls), db.cards.bulkGet(ids)]);
    const live = new Set(ids.filter((_, i) => cards[i]));
    const changed: PageMentions[] = [];
    let added = 0;
    for (const [i, url] of urls.entries()) {
      const list = (byUrl.get(url) ?? []).filter((m) => live.has(m.cardId));
      const title = list.find((m) => m.title)?.title ?? '';
      const page = stored[i] ?? newPage(url, title, siteOf(url), now);
      if (!page.title && title) page.title = title;
      const before = added;
      for (const m of list) if (addToPage(page, m.cardId, m.sentence.slice(0, MAX_SENTENCE_CHARS), now)) added++;
      if (added > before) changed.push(page);
    }
    if (changed.length > 0) await db.pageMentions.bulkPut(changed);
    return added;
  });
}

/**
 * Stores flat mentions (an import, a test's fixture) as page records under their pages' addresses
 * (pageUrl), merged with the pages already stored: one mention per card per page, the stored or
 * first one staying. Inside a caller's transaction it joins it. Reads the stored keys first (one
 * request) and gets only the pages that exist: one get per url would cost far more in Chromium
 * when most pages are new.
 */
export async function storeMentions(
  db: BackstoryDB,
  mentions: readonly Mention[],
): Promise<{ added: number; skipped: number }> {
  if (mentions.length === 0) return { added: 0, skipped: 0 };
  // A file from an older version (or written by hand) may name a page with its tracking link.
  const keyed = mentions.map((m) => (pageUrl(m.url) === m.url ? m : { ...m, url: pageUrl(m.url) }));
  return db.transaction('rw', db.pageMentions, async () => {
    const storedUrls = new Set(await db.pageMentions.toCollection().primaryKeys());
    const wanted = [...new Set(keyed.map((m) => m.url))].filter((url) => storedUrls.has(url));
    const pages = new Map<string, PageMentions>();
    for (const p of await db.pageMentions.bulkGet(wanted)) if (p) pages.set(p.url, p);
    const { changed, added, skipped } = mergeMentions(pages, keyed);
    if (changed.length > 0) await db.pageMentions.bulkPut(changed);
    return { added, skipped };
  });
}

/** How many distinct pages the reader met this card on ("seen in N articles"): an index count. */
export async function countSeenIn(db: BackstoryDB, cardId: string): Promise<number> {
  return db.pageMentions.where('cardIds').equals(cardId).count();
}

/** How many mentions (card met on a page) are recorded in all: the entries of the cardIds index. */
export async function countMentions(db: BackstoryDB): Promise<number> {
  return db.pageMentions.orderBy('cardIds').count();
}

/** A card's mentions, most recent first (for "where you met it"). */
export async function listMentions(db: BackstoryDB, cardId: string): Promise<Mention[]> {
  const pages = await db.pageMentions.where('cardIds').equals(cardId).toArray();
  const mentions: Mention[] = [];
  for (const p of pages) {
    const m = mentionOn(p, cardId);
    if (m) mentions.push(m);
  }
  return mentions.sort((a, b) => b.seenAt - a.seenAt);
}

/**
 * The sentence of `text` around offsets [start, end): from the previous sentence end
 * (. ! ? followed by a space, or a line break) to the next, cut to MAX_SENTENCE_CHARS
 * around the name when longer.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  // Scan at most this far each way, so a huge unpunctuated block stays cheap.
  const floor = Math.max(0, start - MAX_SENTENCE_CHARS * 2);
  const ceiling = Math.min(text.length, end + MAX_SENTENCE_CHARS * 2);
  let from = start;
  const at = (i: number) => text.charAt(i);
  while (from > floor && !(/[.!?]/.test(at(from - 2)) && /\s/.test(at(from - 1))) && at(from - 1) !== '\n') from--;
  let to = end;
  while (to < ceiling && at(to) !== '\n' && !(/[.!?]/.test(at(to)) && (to + 1 >= text.length || /\s/.test(at(to + 1)))))
    to++;
  if (to < ceiling && at(to) !== '\n') to++; // keep the full stop
  if (to - from > MAX_SENTENCE_CHARS) {
    const half = Math.floor((MAX_SENTENCE_CHARS - (end - start)) / 2);
    from = Math.max(from, start - Math.max(half, 0));
    to = Math.min(to, from + MAX_SENTENCE_CHARS);
  }
  return text.slice(from, to).trim();
}
