import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { BackstoryDB, SCHEMA_V1, keysFor } from '@/lib/db/schema';

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
    expect(db.verno).toBe(3); // upgrades straight through v2 to the latest version
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

  it('keys are nameKey() of name and aliases, deduplicated and without empties', () => {
    expect(keysFor('Nato', ['NATO', "Nato's", ' ', 'North Atlantic Treaty Organization'])).toEqual([
      'nato',
      'north atlantic treaty organization',
    ]);
  });
});
