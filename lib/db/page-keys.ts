/**
 * Part of the version-8 upgrade: pages and timelines stored under an address with tracking
 * parameters (utm_*, fbclid…) move to the address without them (pageUrl), the key every page is
 * stored under from version 8 on, so an article reached from a newsletter and from the home page is
 * one page ("Seen in N articles" counts it once, and the notebook's page view finds it). Pages that
 * meet are merged, each card's first sighting staying; of two timelines, the newer stays.
 */
import type { Transaction } from 'dexie';
import { pageUrl } from '../sites/tracking-params';
import { mentionsOf, mergeMentions } from './page-mentions';
import type { PageTimeline } from './page-timelines';
import type { PageMentions } from './records';

/** Moves the pages and timelines of `tx` (a version-8 upgrade) to their addresses without tracking. */
export async function rekeyPages(tx: Transaction): Promise<void> {
  const pages = tx.table<PageMentions, string>('pageMentions');
  const moved = (await pages.toArray()).filter((p) => pageUrl(p.url) !== p.url);
  if (moved.length > 0) {
    const targets = new Map<string, PageMentions>();
    for (const p of await pages.bulkGet([...new Set(moved.map((p) => pageUrl(p.url)))])) if (p) targets.set(p.url, p);
    const mentions = moved.flatMap((p) => mentionsOf(p).map((m) => ({ ...m, url: pageUrl(p.url) })));
    const { changed } = mergeMentions(targets, mentions);
    await pages.bulkDelete(moved.map((p) => p.url));
    await pages.bulkPut(changed);
  }
  const timelines = tx.table<PageTimeline, string>('timelines');
  const movedTimelines = (await timelines.toArray()).filter((t) => pageUrl(t.url) !== t.url);
  if (movedTimelines.length === 0) return;
  const kept = new Map<string, PageTimeline>();
  for (const t of await timelines.bulkGet([...new Set(movedTimelines.map((t) => pageUrl(t.url)))]))
    if (t) kept.set(t.url, t);
  for (const t of movedTimelines) {
    const url = pageUrl(t.url);
    const other = kept.get(url);
    if (!other || t.savedAt > other.savedAt) kept.set(url, { ...t, url });
  }
  await timelines.bulkDelete(movedTimelines.map((t) => t.url));
  await timelines.bulkPut([...kept.values()]);
}
