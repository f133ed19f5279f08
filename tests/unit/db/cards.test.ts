import { describe, expect, it, vi } from 'vitest';
import { createReaderCard, findCard, findCards, listKnownNames } from '@/lib/db/cards';
import { card, freshDb } from './helpers';

describe('findCard', () => {
  it('finds a card by name or alias through nameKey (case, "the", possessive)', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([
      card('nato', 'Nato', 'organization', ['NATO', 'North Atlantic Treaty Organization']),
      card('kremlin', 'Kremlin', 'organization', ['Moscow Kremlin']),
    ]);
    expect((await findCard(db, { name: 'NATO', kind: 'organization' }))?.id).toBe('nato');
    expect((await findCard(db, { name: "Nato's", kind: 'organization' }))?.id).toBe('nato');
    expect((await findCard(db, { name: 'the north atlantic treaty  organization', kind: 'organization' }))?.id).toBe(
      'nato',
    );
    expect((await findCard(db, { name: 'The Kremlin', kind: 'place' }))?.id).toBe('kremlin');
    expect(await findCard(db, { name: 'Warsaw Pact', kind: 'organization' })).toBeNull();
  });

  it('prefers the card of the same kind, then a match on the name over one on an alias', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([
      card('georgia-person', 'Georgia', 'person'),
      card('georgia', 'Georgia', 'place', ['Sakartvelo']),
      card('stoltenberg-father', 'Thorvald Stoltenberg', 'person', ['Stoltenberg']),
      card('jens-stoltenberg', 'Jens Stoltenberg', 'person', ['Stoltenberg']),
    ]);
    expect((await findCard(db, { name: 'Georgia', kind: 'place' }))?.id).toBe('georgia');
    expect((await findCard(db, { name: 'Georgia', kind: 'person' }))?.id).toBe('georgia-person');
    // The article's full name wins over a shared surname alias.
    const jens = await findCard(db, {
      name: 'Jens Stoltenberg',
      kind: 'person',
      aliases: ['Stoltenberg', 'Mr Stoltenberg'],
    });
    expect(jens?.id).toBe('jens-stoltenberg');
    // Falls back to another kind when no card of the detector's kind exists.
    expect((await findCard(db, { name: 'Sakartvelo', kind: 'organization' }))?.id).toBe('georgia');
  });

  it("a card the reader had beats one a look-up wrote for the same name, though the look-up's is newer", async () => {
    const db = await freshDb();
    // An older database: a look-up made a second card for a starter card's article.
    await db.cards.bulkAdd([
      card('vladimir-putin', 'Vladimir Putin', 'person', ['Putin']),
      card('wp-q7747', 'Vladimir Putin', 'person', [], { source: 'wikipedia', createdAt: 9, updatedAt: 9 }),
    ]);
    const query = { name: 'Vladimir Putin', kind: 'person' as const, aliases: ['Putin'] };
    expect((await findCard(db, query))?.id).toBe('vladimir-putin');
    expect((await findCards(db, [query])).get(0)?.id).toBe('vladimir-putin');
  });

  it('findCards answers many entities with one query', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([
      card('nato', 'Nato', 'organization', ['NATO']),
      card('russia', 'Russia', 'place', ['Russian Federation']),
    ]);
    const found = await findCards(db, [
      { name: 'Russia', kind: 'place' },
      { name: 'Nobody Known', kind: 'person' },
      { name: 'NATO', kind: 'organization' },
    ]);
    expect(found.get(0)?.id).toBe('russia');
    expect(found.has(1)).toBe(false);
    expect(found.get(2)?.id).toBe('nato');
  });
});

describe('createReaderCard', () => {
  it('creates an edited reader card with keys, and returns the existing one on a second call', async () => {
    const db = await freshDb();
    const made = await createReaderCard(db, {
      name: ' Yulia Skripal ',
      kind: 'person',
      aliases: ['Ms Skripal', 'Yulia Skripal'],
    });
    if (!made.ok) throw new Error(made.error);
    expect(made.value).toMatchObject({
      name: 'Yulia Skripal',
      kind: 'person',
      source: 'reader',
      edited: true,
      aliases: ['Ms Skripal'],
    });
    expect(made.value.id).toMatch(/^reader-[0-9a-f-]{36}$/);
    expect(made.value.keys).toEqual(['yulia skripal', 'ms skripal']);
    const again = await createReaderCard(db, { name: 'Yulia Skripal', kind: 'person' });
    expect(again.ok && again.value.id).toBe(made.value.id);
    expect(await db.cards.count()).toBe(1);
    expect(await listKnownNames(db)).toEqual([{ name: 'Yulia Skripal', kind: 'person', aliases: ['Ms Skripal'] }]);
  });

  it('makes one card when two requests for the same name arrive at once', async () => {
    const db = await freshDb();
    const [a, b] = await Promise.all([
      createReaderCard(db, { name: 'Quiet Village', kind: 'place' }),
      createReaderCard(db, { name: 'Quiet Village', kind: 'place' }),
    ]);
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
    expect(await db.cards.count()).toBe(1);
  });

  it('reports a failed write clearly', async () => {
    const db = await freshDb();
    vi.spyOn(db.cards, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const made = await createReaderCard(db, { name: 'Someone', kind: 'person' });
    expect(made).toEqual({ ok: false, error: expect.stringMatching(/^The card was not saved: the browser's storage/) });
  });
});
