import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createHandlers, type SpotDetector } from '@/entrypoints/background/handlers';
import type { EntityKind, SpotResult } from '@/lib/entity';
import { getPageTimeline, SAME_READING_MS, savePageTimeline } from '@/lib/db/page-timelines';
import { BackstoryDB, SCHEMA_V4 } from '@/lib/db/schema';
import type { Sender } from '@/lib/messaging/serve';
import { formatWhen } from '@/lib/timeline/format';
import { clearMentions } from '@/lib/notebook/actions';
import { countMentions } from '@/lib/db/mentions';
import { deleteCard, mergeCards } from '@/lib/db/card-edits';
import { card, freshDb } from './helpers';

const SEED = path.resolve(import.meta.dirname, '../../../../shared/seed/nato-russia-lowest-point.txt');
const blocks = readFileSync(SEED, 'utf8')
  .split(/\n+/)
  .filter((b) => b.trim());
const page = { url: 'https://news.test/nato-russia#comments', title: 'Nato-Russia relations at lowest point' };

describe('page timelines', () => {
  it('keeps the reference article’s timeline in order, with entities linked to their cards', async () => {
    const db = await freshDb();
    const entities = [
      { key: 'place:crimea', name: 'Crimea', kind: 'place' as const, aliases: [], cardId: 'crimea' },
      { key: 'person:sergei skripal', name: 'Sergei Skripal', kind: 'person' as const, aliases: [] },
    ];
    await savePageTimeline(db, { page, blocks, published: '2021-10-20T16:07:00+04:00', entities }, 42);
    const kept = await getPageTimeline(db, 'https://news.test/nato-russia');
    expect(kept?.url).toBe('https://news.test/nato-russia');
    expect(kept?.savedAt).toBe(42);
    expect(kept?.published).toBe('2021-10-20T16:07:00+04:00');
    expect(kept?.publishedDay && formatWhen(kept.publishedDay)).toBe('Wednesday 20 October 2021');
    expect(kept?.entries.map((e) => formatWhen(e.when))).toEqual([
      '2014',
      '2018',
      'Early October 2021',
      'Monday 18 October 2021',
      'Week of 18 October 2021',
    ]);
    expect(kept?.entries[0]?.entities).toEqual([
      { key: 'place:crimea', name: 'Crimea', kind: 'place', cardId: 'crimea' },
    ]);
    expect(kept?.entries[1]?.entities).toEqual([
      { key: 'person:sergei skripal', name: 'Sergei Skripal', kind: 'person' },
    ]);
    // Another batch of the same reading joins the kept entries, without repeats.
    await savePageTimeline(db, { page, blocks, published: '2021-10-20', entities: [] }, 43);
    expect(await db.timelines.count()).toBe(1);
    expect((await getPageTimeline(db, page.url))?.entries).toHaveLength(5);
  });

  it('keeps nothing for a page without dates', async () => {
    const db = await freshDb();
    const none = await savePageTimeline(db, { page, blocks: ['Nato met in Brussels.'], entities: [] }, 42);
    expect(none).toBeNull();
    expect(await db.timelines.count()).toBe(0);
  });

  it('is cleared with the reading history, since it holds sentences of the articles read', async () => {
    const db = await freshDb();
    await savePageTimeline(db, { page, blocks, published: '2021-10-20', entities: [] }, 42);
    expect(await db.timelines.count()).toBe(1);
    expect(await clearMentions(db)).toMatchObject({ ok: true });
    expect(await db.timelines.count()).toBe(0);
  });

  it('joins the batches of one reading; a later reading replaces them', async () => {
    const db = await freshDb();
    const i2018 = blocks.findIndex((b) => b.includes('2018'));
    const i2014 = blocks.findIndex((b) => b.includes('2014'));
    const later = blocks.slice(i2018, i2018 + 1);
    const earlier = blocks.slice(i2014, i2014 + 1);
    const dates = async () => (await getPageTimeline(db, page.url))?.entries.map((e) => formatWhen(e.when));
    await savePageTimeline(db, { page, blocks: later, published: '2021-10-20', entities: [] }, 1000);
    await savePageTimeline(db, { page, blocks: earlier, entities: [] }, 2000);
    expect(await dates()).toEqual(['2014', '2018']);
    expect((await getPageTimeline(db, page.url))?.published).toBe('2021-10-20');
    await savePageTimeline(db, { page, blocks: earlier, entities: [] }, 2000 + SAME_READING_MS + 1);
    expect(await dates()).toEqual(['2014']);
  });

  it('upgrades a version-4 database to the timelines table without losing a row', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('cards').add(card('nato', 'Nato', 'organization'));
    await v4.table('mentions').add({ cardId: 'nato', url: 'u', title: 't', site: 's', sentence: '', seenAt: 1 });
    v4.close();
    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.cards.count()).toBe(1);
    expect(await countMentions(db)).toBe(1);
    expect(await db.timelines.count()).toBe(0);
    db.close();
  });
});

describe('page timelines after the reader edits cards', () => {
  /** Crimea (card crimea-2) and Skripal (card skripal) on the reference article's timeline. */
  async function withTimeline() {
    const db = await freshDb();
    await db.cards.bulkPut([
      card('crimea', 'Crimea', 'place'),
      card('crimea-2', 'Crimean peninsula', 'place'),
      card('skripal', 'Sergei Skripal', 'person'),
    ]);
    const entities = [
      { key: 'place:crimea', name: 'Crimea', kind: 'place' as const, aliases: [], cardId: 'crimea-2' },
      { key: 'person:sergei skripal', name: 'Sergei Skripal', kind: 'person' as const, aliases: [], cardId: 'skripal' },
    ];
    await savePageTimeline(db, { page, blocks, published: '2021-10-20T16:07:00+04:00', entities }, 42);
    const names = async () => (await getPageTimeline(db, page.url))?.entries.flatMap((e) => e.entities) ?? [];
    return { db, names };
  }

  it('link the kept card after a merge, not the one merged away', async () => {
    const { db, names } = await withTimeline();
    expect((await mergeCards(db, 'crimea', 'crimea-2')).ok).toBe(true);
    expect(await names()).toEqual([
      { key: 'place:crimea', name: 'Crimea', kind: 'place', cardId: 'crimea' },
      { key: 'person:sergei skripal', name: 'Sergei Skripal', kind: 'person', cardId: 'skripal' },
    ]);
  });

  it('keep the name of a deleted card, unlinked, so it no longer opens a card that is gone', async () => {
    const { db, names } = await withTimeline();
    expect((await deleteCard(db, 'skripal')).ok).toBe(true);
    expect(await names()).toEqual([
      { key: 'place:crimea', name: 'Crimea', kind: 'place', cardId: 'crimea-2' },
      { key: 'person:sergei skripal', name: 'Sergei Skripal', kind: 'person' },
    ]);
  });
});

describe('spotBlocks keeps the page timeline', () => {
  const detector: SpotDetector = {
    spot(): SpotResult {
      const at = blocks[0]!.indexOf('Crimea');
      return {
        entities: [{ key: 'place:crimea', name: 'Crimea', kind: 'place' as EntityKind, aliases: [], count: 1 }],
        spans: [{ block: 0, start: at, end: at + 6, entityKey: 'place:crimea' }],
      } as SpotResult;
    },
    setKnownNames: () => undefined,
  };

  async function spot(incognito: boolean) {
    const db = await freshDb();
    await db.cards.put(card('crimea', 'Crimea', 'place'));
    const { handlers } = createHandlers({ db, getDetector: async () => detector, log: () => undefined });
    const sender: Sender = { id: 'test-extension-id', tab: { id: 3, incognito } as Sender['tab'] };
    const r = await handlers.spotBlocks({ blocks, page, published: '2021-10-20' }, sender);
    expect(r.ok).toBe(true);
    return db;
  }

  it('after replying, stores the timeline with the article date and card links', async () => {
    const db = await spot(false);
    await expect.poll(() => db.timelines.count()).toBe(1);
    const kept = await getPageTimeline(db, page.url);
    expect(kept?.entries).toHaveLength(5);
    expect(kept?.entries[0]?.entities[0]).toMatchObject({ name: 'Crimea', cardId: 'crimea' });
  });

  it('keeps nothing from a private window', async () => {
    const db = await spot(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(await db.timelines.count()).toBe(0);
  });
});
