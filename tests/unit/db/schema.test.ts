import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { keysFor } from '@/lib/db/card-keys';
import { BackstoryDB, SCHEMA_V1, SCHEMA_V3, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7 } from '@/lib/db/schema';
import { lookupKey } from '@/lib/db/lookup-key';
import { getLookup } from '@/lib/db/lookups';
import { saveWikipediaCard } from '@/lib/db/wikipedia-cards';
import { deletedCardIds } from '@/lib/db/lookups';
import { countMentions, countSeenIn, listMentions, recordMentions } from '@/lib/db/mentions';
import { coMentions } from '@/lib/db/co-occurrence';

describe('BackstoryDB schema', () => {
  it('upgrades a version-1 database without losing a row', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    // The previous release: cards and notes only, rows without updatedAt / edited.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const oldCards = Array.from({ length: 25 }, (_, i) => ({
      id: `card-${i}`,
      name: i === 0 ? 'The Kremlin' : `Name ${i}`,
      kind: 'organization',
      aliases: i === 0 ? ["Kremlin's"] : [],
      keys: ['stale key'],
      description: '',
      summary: '',
      source: i % 2 ? 'reader' : 'starter',
      createdAt: 1000 + i,
    }));
    const oldNotes = Array.from({ length: 40 }, (_, i) => ({
      id: `note-${i}`,
      cardId: `card-${i % 25}`,
      body: `note body ${i}`,
      createdAt: 5000 + i,
    }));
    await v1.table('cards').bulkAdd(oldCards);
    await v1.table('notes').bulkAdd(oldNotes);
    v1.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4); // upgrades straight through v2 and v3 to the latest version
    expect(await db.cards.count()).toBe(25);
    expect(await db.notes.count()).toBe(40);
    for (const n of oldNotes) {
      const note = await db.notes.get(n.id);
      expect(note?.body).toBe(n.body);
      expect(note?.updatedAt).toBe(n.createdAt);
    }
    const kremlin = await db.cards.get('card-0');
    expect(kremlin?.keys).toEqual(keysFor('The Kremlin', ["Kremlin's"]));
    expect(kremlin?.keys).toEqual(['kremlin']);
    expect(kremlin?.edited).toBe(false);
    expect((await db.cards.get('card-1'))?.edited).toBe(true);
    // The new indexes see every moved row.
    expect(await db.cards.where('keys').equals('kremlin').count()).toBe(1);
    expect((await db.notes.toArray()).filter((n) => n.updatedAt > 0 && n.cardIds?.length === 1)).toHaveLength(40);
    // And the mentions table of the latest version works.
    expect(await recordMentions(db, [{ cardId: 'card-0', url: 'https://a.test/x', title: 'x', sentence: 's' }])).toBe(
      1,
    );
    expect(await countMentions(db)).toBe(1);
    db.close();
  });

  it('upgrades a version-3 database: notes get cardIds, tags and the site of their page', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    // The previous release's schema and rows exactly as it wrote them.
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table('cards').bulkAdd([
      {
        id: 'nato',
        name: 'Nato',
        kind: 'organization',
        aliases: [],
        keys: ['nato'],
        edited: false,
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'kyiv',
        name: 'Kyiv',
        kind: 'place',
        aliases: [],
        keys: ['kyiv'],
        edited: false,
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    const oldNotes = [
      {
        id: 'a',
        cardId: 'nato',
        body: 'On a page',
        page: { url: 'https://www.bbc.co.uk/news/1', title: 'T' },
        createdAt: 10,
        updatedAt: 20,
      },
      { id: 'b', cardId: 'kyiv', body: 'No page', createdAt: 30, updatedAt: 30 },
      {
        id: 'c',
        cardId: 'nato',
        body: 'Odd URL',
        page: { url: 'not a url', title: 'U' },
        createdAt: 40,
        updatedAt: 41,
      },
    ];
    await v3.table('notes').bulkAdd(oldNotes);
    await v3
      .table('mentions')
      .add({ cardId: 'nato', url: 'https://x.test/', title: 'x', site: 'x.test', sentence: 's', seenAt: 1 });
    v3.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.notes.get('a')).toEqual({
      ...oldNotes[0],
      cardIds: ['nato'],
      tags: [],
      page: { url: 'https://www.bbc.co.uk/news/1', title: 'T', site: 'www.bbc.co.uk' },
    });
    expect(await db.notes.get('b')).toEqual({ ...oldNotes[1], cardIds: ['kyiv'], tags: [] });
    expect((await db.notes.get('c'))?.page?.site).toBe('');
    // The new multi-entry index sees every moved note; nothing else changed.
    expect((await db.notes.where('cardIds').equals('nato').primaryKeys()).sort()).toEqual(['a', 'c']);
    expect(await db.notes.where('createdAt').above(15).count()).toBe(2);
    expect(await countMentions(db)).toBe(1);
    expect(await db.cards.count()).toBe(2);
    db.close();
  });

  it('upgrades a version-5 database: mention rows become one record per page, none lost', async () => {
    const name = `upgrade-v5-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    const row = (cardId: string, url: string, seenAt: number, title = 'T') => ({
      cardId,
      url,
      title,
      site: new URL(url).hostname,
      sentence: `${cardId} on ${url}`,
      seenAt,
    });
    // Rows as recordMentions (one page read at a time) and an import (out of order) wrote them.
    const rows = [
      row('nato', 'https://a.test/1', 100, 'Page one'),
      row('russia', 'https://a.test/1', 100, 'Page one'),
      row('kyiv', 'https://b.test/2', 300, 'Page two'),
      row('nato', 'https://b.test/2', 300, 'Page two'),
      row('kyiv', 'https://a.test/1', 200, 'Page one, retitled'),
      row('nato', 'https://c.test/3', 50, 'Page three'),
    ];
    await v5.table('mentions').bulkAdd(rows);
    // A damaged row (no url) is left behind instead of failing the upgrade.
    await v5.table('mentions').add({ cardId: 'nato', title: 'x', site: 'x', sentence: 'x', seenAt: 1 });
    await v5.table('cards').bulkAdd(
      ['nato', 'russia', 'kyiv'].map((id) => ({
        id,
        name: id,
        kind: 'place',
        aliases: [],
        keys: [id],
        createdAt: 1,
        updatedAt: 1,
        edited: false,
      })),
    );
    v5.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect(db.tables.map((t) => t.name)).not.toContain('mentions');
    expect(await db.pageMentions.get('https://a.test/1')).toEqual({
      url: 'https://a.test/1',
      title: 'Page one',
      site: 'a.test',
      seenAt: 100,
      cardIds: ['nato', 'russia', 'kyiv'],
      sentences: ['nato on https://a.test/1', 'russia on https://a.test/1', 'kyiv on https://a.test/1'],
      seenAts: [100, 100, 200],
    });
    expect(await db.pageMentions.count()).toBe(3);
    expect(await countMentions(db)).toBe(rows.length);
    // The flat view gives back every row exactly (less its local id), newest first...
    const nato = await listMentions(db, 'nato');
    expect(nato).toEqual(rows.filter((r) => r.cardId === 'nato').sort((a, b) => b.seenAt - a.seenAt));
    // ...except that a page has one title: its first sighting's.
    expect((await listMentions(db, 'kyiv')).map((m) => m.title)).toEqual(['Page two', 'Page one']);
    expect(await countSeenIn(db, 'kyiv')).toBe(2);
    expect((await coMentions(db, 'nato')).map((c) => [c.cardId, c.pages])).toEqual([
      ['kyiv', 2],
      ['russia', 1],
    ]);
    // Recording after the upgrade joins the moved page record.
    await recordMentions(db, [{ cardId: 'russia', url: 'https://c.test/3#x', title: 'Page three', sentence: 'r' }]);
    expect((await db.pageMentions.get('https://c.test/3'))?.cardIds).toEqual(['nato', 'russia']);
    db.close();
  });

  it('keys are nameKey() of name and aliases, deduplicated and without empties', () => {
    expect(keysFor('Nato', ['NATO', "Nato's", ' ', 'North Atlantic Treaty Organization'])).toEqual([
      'nato',
      'north atlantic treaty organization',
    ]);
  });

  it('upgrades a version-6 database: tombstones are found through the new deletedCardId index', async () => {
    const name = `upgrade-v6-${crypto.randomUUID()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(SCHEMA_V6);
    await v6.open();
    const base = { kind: 'place', candidates: [], chosenByReader: false, checkedAt: 1 };
    await v6.table('lookups').bulkAdd([
      { ...base, key: 'nato', name: 'Nato', status: 'deleted', deletedCardId: 'wp-q7184' },
      { ...base, key: 'salisbury', name: 'Salisbury', status: 'found', cardId: 'wp-q160642' },
    ]);
    v6.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.lookups.count()).toBe(2);
    expect([...(await deletedCardIds(db))]).toEqual(['wp-q7184']);
    db.close();
  });

  it('upgrades a version-7 database: look-ups are keyed by kind and name, cards and notes untouched', async () => {
    const name = `upgrade-v7-${crypto.randomUUID()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores(SCHEMA_V7);
    await v7.open();
    const base = { candidates: [], chosenByReader: false, checkedAt: 1 };
    const oldLookups = [
      { ...base, key: 'salisbury', name: 'Salisbury', kind: 'place', status: 'found', cardId: 'wp-q160642' },
      { ...base, key: 'nato', name: 'Nato', kind: 'organization', status: 'deleted', deletedCardId: 'wp-q7184' },
      { ...base, key: 'georgia', name: 'Georgia', kind: 'place', status: 'found', cardId: 'g', chosenByReader: true },
      // A merge tombstone (under a key no name has) and a damaged row: kept as they are.
      {
        ...base,
        key: '\u0000merged:otan',
        name: 'OTAN',
        kind: 'organization',
        status: 'deleted',
        deletedCardId: 'otan',
      },
      { ...base, key: 'odd', name: 'Odd', kind: 'planet', status: 'missing' },
    ];
    await v7.table('lookups').bulkAdd(oldLookups);
    const oldCards = [
      { id: 'nato', name: 'Nato', kind: 'organization', aliases: [], keys: ['nato'], wikidata: 'Q7184' },
      { id: 'wp-q160642', name: 'Salisbury', kind: 'place', aliases: [], keys: ['salisbury'], source: 'wikipedia' },
    ].map((c) => ({ ...c, description: '', summary: '', edited: false, createdAt: 1, updatedAt: 2 }));
    await v7.table('cards').bulkAdd(oldCards);
    await v7.table('notes').add({ id: 'n1', cardId: 'nato', cardIds: ['nato'], body: 'kept', createdAt: 1 });
    v7.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect((await db.lookups.toCollection().primaryKeys()).sort()).toEqual(
      [
        lookupKey('place', 'Salisbury'),
        lookupKey('organization', 'Nato'),
        lookupKey('place', 'Georgia'),
        '\u0000merged:otan',
        'odd',
      ].sort(),
    );
    // Each answer is found under the kind it was looked up as, and only that kind.
    expect(await getLookup(db, { name: 'Salisbury', kind: 'place' })).toEqual({
      ...oldLookups[0],
      key: 'place:salisbury',
    });
    expect(await getLookup(db, { name: 'Salisbury', kind: 'person' })).toBeUndefined();
    expect((await getLookup(db, { name: 'Georgia', kind: 'place' }))?.chosenByReader).toBe(true);
    expect(await deletedCardIds(db)).toEqual(new Set(['wp-q7184', 'otan']));
    // Cards and notes are as they were; the new wikidata index sees the old cards.
    expect(await db.cards.toArray()).toEqual(oldCards);
    expect(await db.notes.toArray()).toEqual([
      { id: 'n1', cardId: 'nato', cardIds: ['nato'], body: 'kept', createdAt: 1 },
    ]);
    expect((await db.cards.where('wikidata').equals('Q7184').first())?.id).toBe('nato');
    const summary = {
      title: 'NATO',
      type: 'standard',
      description: 'Alliance',
      extract: 'New.',
      wikibaseItem: 'Q7184',
    };
    expect((await saveWikipediaCard(db, summary, 'organization'))?.id).toBe('nato');
    db.close();
  });

  it('upgrades a version-7 database: pages and timelines reached through tracking links join their article', async () => {
    const name = `upgrade-v7-pages-${crypto.randomUUID()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores(SCHEMA_V7);
    await v7.open();
    const page = (url: string, cardIds: string[], seenAts: number[]) => ({
      url,
      title: 'Story',
      site: 'news.example',
      seenAt: Math.min(...seenAts),
      cardIds,
      sentences: cardIds.map((c) => `About ${c}.`),
      seenAts,
    });
    await v7
      .table('pageMentions')
      .bulkAdd([
        page('https://news.example/a?id=3', ['nato'], [20]),
        page('https://news.example/a?utm_source=nl&id=3', ['nato', 'kyiv'], [10, 11]),
        page('https://news.example/b?fbclid=x', ['kyiv'], [30]),
      ]);
    const timeline = (url: string, savedAt: number) => ({
      url,
      title: 'Story',
      publishedDay: null,
      entries: [],
      savedAt,
    });
    await v7
      .table('timelines')
      .bulkAdd([
        timeline('https://news.example/a?id=3', 5),
        timeline('https://news.example/a?utm_source=nl&id=3', 9),
        timeline('https://news.example/b?fbclid=x', 7),
      ]);
    v7.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect((await db.pageMentions.toCollection().primaryKeys()).sort()).toEqual([
      'https://news.example/a?id=3',
      'https://news.example/b',
    ]);
    // One article, met once per card: the stored first sighting of Nato stays, Kyiv joins.
    const a = await db.pageMentions.get('https://news.example/a?id=3');
    expect(a?.cardIds).toEqual(['nato', 'kyiv']);
    expect(a?.seenAts).toEqual([20, 11]);
    expect(await countSeenIn(db, 'kyiv')).toBe(2);
    // Of two timelines of one article, the newer stays, under the article's address.
    expect((await db.timelines.toArray()).map((t) => [t.url, t.savedAt]).sort()).toEqual([
      ['https://news.example/a?id=3', 9],
      ['https://news.example/b', 7],
    ]);
    db.close();
  });
});
