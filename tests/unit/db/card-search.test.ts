import { describe, expect, it } from 'vitest';
import { searchCards } from '@/lib/db/card-search';
import { card, freshDb } from './helpers';

describe('searchCards', () => {
  async function filled() {
    const db = await freshDb();
    await db.cards.bulkPut([
      card('jens-stoltenberg', 'Jens Stoltenberg', 'person', ['Stoltenberg'], { updatedAt: 5 }),
      card('nato', 'Nato', 'organization', ['NATO', 'North Atlantic Treaty Organization'], { updatedAt: 9 }),
      card('nato-russia-council', 'Nato-Russia Council', 'organization', [], { updatedAt: 2 }),
      card('reader-1', 'Natalia', 'person', [], { updatedAt: 7 }),
      card('salisbury', 'Salisbury', 'place', ['Salisbury, Wiltshire'], { updatedAt: 1 }),
    ]);
    return db;
  }

  it('finds cards by the start of any name, the exact name first, then by a later word', async () => {
    const db = await filled();
    expect((await searchCards(db, 'nato')).map((c) => c.id)).toEqual(['nato', 'nato-russia-council']);
    expect((await searchCards(db, 'Nat')).map((c) => c.id)).toEqual(['reader-1', 'nato', 'nato-russia-council']);
    expect((await searchCards(db, 'stolt')).map((c) => c.name)).toEqual(['Jens Stoltenberg']);
    expect((await searchCards(db, 'atlantic')).map((c) => c.id)).toEqual(['nato']);
    expect((await searchCards(db, 'wiltshire'))[0]).toEqual({
      id: 'salisbury',
      name: 'Salisbury',
      kind: 'place',
      description: 'Salisbury description',
    });
    expect(await searchCards(db, 'zzz')).toEqual([]);
  });

  it('leaves out the card being merged into, honours the limit, and lists recent cards for an empty query', async () => {
    const db = await filled();
    expect((await searchCards(db, 'nato', { excludeId: 'nato' })).map((c) => c.id)).toEqual(['nato-russia-council']);
    expect(await searchCards(db, 'nat', { limit: 1 })).toHaveLength(1);
    expect((await searchCards(db, '  ', { excludeId: 'nato' })).map((c) => c.id)).toEqual([
      'reader-1',
      'jens-stoltenberg',
      'nato-russia-council',
      'salisbury',
    ]);
  });
});
