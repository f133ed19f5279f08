import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { BackstoryDB, SCHEMA_V1, SCHEMA_V3, keysFor } from '@/lib/db/schema';

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
    expect(await db.notes.where('updatedAt').above(0).count()).toBe(40);
    // And the new table works.
    await db.mentions.add({
      cardId: 'card-0',
      url: 'https://a.test/x',
      title: 'x',
      site: 'a.test',
      sentence: 's',
      seenAt: 1,
    });
    expect(await db.mentions.count()).toBe(1);
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
    expect(await db.mentions.count()).toBe(1);
    expect(await db.cards.count()).toBe(2);
    db.close();
  });

  it('keys are nameKey() of name and aliases, deduplicated and without empties', () => {
    expect(keysFor('Nato', ['NATO', "Nato's", ' ', 'North Atlantic Treaty Organization'])).toEqual([
      'nato',
      'north atlantic treaty organization',
    ]);
  });
});
