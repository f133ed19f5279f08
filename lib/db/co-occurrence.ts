/**
 * Who appears with whom, and when: read-only queries over recorded mentions for the notebook's
 * entity view. A mention is one card met on one page (see recordMentions); a page's record
 * lists every card met there, so "shares an article" means "is in the same page record".
 */
import type { EntityKind } from '../entity';
import type { Mention } from './records';
import type { BackstoryDB } from './schema';

/** An entity that shared pages with another, and on how many pages. */
export interface CoMention {
  cardId: string;
  name: string;
  kind: EntityKind;
  /** Distinct pages both were met on. */
  pages: number;
}

/** How many co-mentioned entities the notebook lists by default. */
export const CO_MENTION_LIMIT = 10;

/**
 * The entities most often met on the same pages as `cardId`, most shared pages first (ties by
 * name), at most `limit`. Cards since deleted are left out.
 *
 * Cost: one `cardIds` index range for the card's own page records (k records, each listing
 * every card met on that page), then a bulkGet of about `limit` cards: O(k) reads, never a full
 * table scan. With ~20 entities a page, a card met on 500 pages reads 500 records.
 */
export async function coMentions(db: BackstoryDB, cardId: string, limit = CO_MENTION_LIMIT): Promise<CoMention[]> {
  return db.transaction('r', db.pageMentions, db.cards, async () => {
    const pages = await db.pageMentions.where('cardIds').equals(cardId).toArray();
    if (pages.length === 0) return [];
    const counts = new Map<string, number>();
    // A page lists each card once, so each page counted here is one shared page.
    for (const page of pages)
      for (const id of page.cardIds) if (id !== cardId) counts.set(id, (counts.get(id) ?? 0) + 1);
    const ranked = [...counts]
      .map(([id, pages]) => ({ id, pages }))
      .sort((a, b) => b.pages - a.pages || (a.id < b.id ? -1 : 1));
    const out: CoMention[] = [];
    // A card deleted while a page's mentions were being written can leave its id on that page;
    // skip ids with no card, looking a little past `limit` for them.
    for (let i = 0; i < ranked.length && out.length < limit; i += limit) {
      const slice = ranked.slice(i, i + limit);
      const cards = await db.cards.bulkGet(slice.map((r) => r.id));
      slice.forEach((r, j) => {
        const c = cards[j];
        if (c && out.length < limit) out.push({ cardId: c.id, name: c.name, kind: c.kind, pages: r.pages });
      });
    }
    return out.sort((a, b) => b.pages - a.pages || a.name.localeCompare(b.name));
  });
}

/** Mentions in one week. */
export interface WeekCount {
  /** Monday 00:00 local time that starts the week (ms since epoch). */
  start: number;
  count: number;
}

/** Monday 00:00 (local time) of the week containing `t`. */
export function weekStart(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  // getDay(): Sunday 0 … Saturday 6; weeks start on Monday.
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

/**
 * Mentions per week over the `weeks` weeks ending with the one containing `now`, oldest first.
 * Weeks are stepped with the calendar (setDate), so a daylight-saving change never shifts a
 * boundary. Mentions outside the window are ignored. O(n log weeks).
 */
export function mentionsPerWeek(mentions: readonly Pick<Mention, 'seenAt'>[], now: number, weeks = 52): WeekCount[] {
  if (weeks <= 0) return [];
  const starts: number[] = [];
  const d = new Date(weekStart(now));
  d.setDate(d.getDate() - 7 * (weeks - 1));
  for (let i = 0; i <= weeks; i++) {
    starts.push(d.getTime());
    d.setDate(d.getDate() + 7);
  }
  const counts = new Array<number>(weeks).fill(0);
  for (const { seenAt } of mentions) {
    if (seenAt < starts[0]! || seenAt >= starts[weeks]!) continue;
    // Binary search for the last start <= seenAt.
    let lo = 0;
    let hi = weeks - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= seenAt) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]!++;
  }
  return counts.map((count, i) => ({ start: starts[i]!, count }));
}

const weekFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "18 Oct 2021": how a week is named in the strip's text. */
export function formatWeek(start: number): string {
  return weekFormat.format(start);
}

/**
 * The strip in words, for screen readers and as its caption: "12 mentions in the last year,
 * most in the week of 18 Oct 2021" (the latest of equally busy weeks), or "No mentions in
 * the last year."
 */
export function summariseWeeks(weeks: readonly WeekCount[]): string {
  let total = 0;
  let best: WeekCount | null = null;
  for (const w of weeks) {
    total += w.count;
    if (w.count > 0 && (!best || w.count >= best.count)) best = w;
  }
  if (!best) return 'No mentions in the last year.';
  if (total === 1) return `1 mention in the last year, in the week of ${formatWeek(best.start)}.`;
  const where = best.count === total ? 'all' : 'most';
  return `${total} mentions in the last year, ${where} in the week of ${formatWeek(best.start)}.`;
}
