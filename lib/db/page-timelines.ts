/**
 * Each page's timeline, kept when the background records the page's mentions, so the
 * notebook's page view can show it later without the page open. Built with lib/timeline from
 * the same text blocks and the article's date; one record per page URL (no #fragment).
 */
import type { EntityKind } from '../entity';
import type { Resolved, When } from '../timeline/calendar';
import { buildTimeline, compareWhen, whenKey } from '../timeline/build';
import { pageUrl } from '../sites/tracking-params';
import type { PageRef } from './records';
import type { BackstoryDB } from './schema';

/** An entity named in a stored entry; `cardId` links to its notebook view. */
export interface TimelineEntity {
  key: string;
  name: string;
  kind: EntityKind;
  cardId?: string;
}

/** One stored timeline entry (see TimelineEntry in lib/timeline/build). */
export interface StoredTimelineEntry {
  when: When;
  what: string;
  phrase: string;
  passage: { block: number; start: number; end: number };
  entities: TimelineEntity[];
}

/** A page's timeline as stored in the `timelines` table. */
export interface PageTimeline {
  /** The page URL without its #fragment (as mentions store it). */
  url: string;
  title: string;
  /** The article's date as the page gave it, when it did. */
  published?: string;
  /** That date resolved to a calendar day, or null. */
  publishedDay: Resolved | null;
  entries: StoredTimelineEntry[];
  savedAt: number;
}

/** Most entries kept per page; a page with more dates than this is a list, not an article. */
export const MAX_TIMELINE_ENTRIES = 200;
const MAX_WHAT = 300;

/** What savePageTimeline needs from a spotBlocks. */
export interface TimelineSource {
  page: PageRef;
  blocks: readonly string[];
  published?: string;
  entities: readonly (TimelineEntity & { aliases: string[] })[];
}

/** Batches of one reading (the content script sends long or late-loading articles in parts). */
export const SAME_READING_MS = 30 * 60 * 1000;

/** One event of a reading: its date as the timeline builder keys it, and what happened. */
const entryKey = (e: StoredTimelineEntry) => `${whenKey(e.when)}|${e.what.toLowerCase()}`;

/** Oldest first, as the timeline builder orders them. */
const byWhen = (a: StoredTimelineEntry, b: StoredTimelineEntry): number => compareWhen(a.when, b.when);

/**
 * Builds the timeline of the blocks of one spotBlocks and stores it for the page. A spotBlocks
 * carries one batch of the article (long articles and late-loading parts come in several), so
 * within SAME_READING_MS the new entries join the page's kept ones (no repeats, re-sorted);
 * a later reading replaces them. Passage offsets are those of the batch: the page view does not
 * use them. Cost: one pass of lib/timeline over the batch (about 10–50 ms for a real article),
 * one get and one put; the caller runs it after replying, so marking the page never waits.
 * Resolves to null (nothing stored) for a page with no dates in it.
 */
export async function savePageTimeline(
  db: BackstoryDB,
  src: TimelineSource,
  now = Date.now(),
): Promise<PageTimeline | null> {
  const built = buildTimeline({ blocks: [...src.blocks], published: src.published, entities: [...src.entities] });
  const fresh: StoredTimelineEntry[] = built.entries.map((e) => ({
    when: e.when,
    what: e.what.slice(0, MAX_WHAT),
    phrase: e.phrase.slice(0, MAX_WHAT),
    passage: e.passage,
    entities: e.entities.map(({ key, name, kind, cardId }) =>
      cardId ? { key, name, kind, cardId } : { key, name, kind },
    ),
  }));
  const url = pageUrl(src.page.url);
  return db.transaction('rw', db.timelines, async () => {
    const old = await db.timelines.get(url);
    // A page with no dates is not kept: the table must not become a history of every page read.
    if (!old && fresh.length === 0) return null;
    const joining = old && now - old.savedAt < SAME_READING_MS;
    const entries = new Map<string, StoredTimelineEntry>();
    for (const e of [...(joining ? old.entries : []), ...fresh])
      if (!entries.has(entryKey(e))) entries.set(entryKey(e), e);
    const published = src.published ?? (joining ? old.published : undefined);
    const record: PageTimeline = {
      url,
      title: src.page.title,
      publishedDay: built.published ?? (joining ? old.publishedDay : null),
      entries: [...entries.values()].sort(byWhen).slice(0, MAX_TIMELINE_ENTRIES),
      savedAt: now,
    };
    if (published) record.published = published;
    await db.timelines.put(record);
    return record;
  });
}

/** The stored timeline of a page (any #fragment ignored), or undefined. */
export function getPageTimeline(db: BackstoryDB, url: string): Promise<PageTimeline | undefined> {
  return db.timelines.get(pageUrl(url));
}

/**
 * Points the timeline entities linked to card `fromId` at card `to` (a merge), or unlinks them
 * (null: a delete; the page view then shows the bare name, as for a name without a card). Run
 * inside the caller's transaction (needs db.timelines). Timelines have no card index, so every
 * one is read: this runs on a reader's merge or delete, rare, over at most one record per page
 * with dates; only the records that change are written.
 */
export async function relinkTimelines(db: BackstoryDB, fromId: string, to: string | null): Promise<void> {
  const changed: PageTimeline[] = [];
  for (const timeline of await db.timelines.toArray()) {
    let linked = false;
    for (const entity of timeline.entries.flatMap((e) => e.entities)) {
      if (entity.cardId !== fromId) continue;
      linked = true;
      if (to) entity.cardId = to;
      else delete entity.cardId;
    }
    if (linked) changed.push(timeline);
  }
  await db.timelines.bulkPut(changed);
}
