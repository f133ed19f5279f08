/** Where the reader met each entity: one mention per card per page. */
import type { Mention } from './records';
import type { BackstoryDB } from './schema';

/** The longest sentence kept with a mention (a run-on "sentence" is cut around the name). */
export const MAX_SENTENCE_CHARS = 400;

/** A page URL without its #fragment, so one article read at two anchors counts once. */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

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
 * one transaction. Returns how many mentions were added.
 */
export async function recordMentions(db: BackstoryDB, inputs: readonly MentionInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const now = Date.now();
  return db.transaction('rw', db.mentions, async () => {
    const fresh: Mention[] = [];
    const seen = new Set<string>();
    for (const m of inputs) {
      const url = pageUrl(m.url);
      const id = `${m.cardId}\u0000${url}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const existing = await db.mentions.where('[cardId+url]').equals([m.cardId, url]).first();
      if (existing) continue;
      fresh.push({
        cardId: m.cardId,
        url,
        title: m.title,
        site: siteOf(url),
        sentence: m.sentence.slice(0, MAX_SENTENCE_CHARS),
        seenAt: now,
      });
    }
    await db.mentions.bulkAdd(fresh);
    return fresh.length;
  });
}

/** How many distinct pages the reader met this card on ("seen in N articles"). */
export async function countSeenIn(db: BackstoryDB, cardId: string): Promise<number> {
  const urls = await db.mentions.where('cardId').equals(cardId).toArray();
  return new Set(urls.map((m) => m.url)).size;
}

/** A card's mentions, most recent first (for "where you met it"). */
export async function listMentions(db: BackstoryDB, cardId: string): Promise<Mention[]> {
  const mentions = await db.mentions.where('cardId').equals(cardId).toArray();
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
