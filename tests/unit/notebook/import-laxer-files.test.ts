/**
 * Import files that older versions, other devices or other people made: what they let in must not
 * leave the notebook in a state the rest of Backstory refuses, undoes or leaks from.
 */
import { describe, expect, it } from 'vitest';
import { importBackstory } from '@/lib/notebook/import';
import { updateCard } from '@/lib/db/card-edits';
import { imageSrc } from '@/components/CardView';
import { card, freshDb } from '../db/helpers';

const T = Date.UTC(2024, 2, 1);

function file(version: 1 | 2, cards: unknown[], notes: unknown[] = []) {
  return JSON.stringify({
    format: 'backstory',
    version,
    exportedAt: new Date(T).toISOString(),
    cards,
    notes,
    mentions: [],
  });
}
function cardOut(id: string, name: string, over: Record<string, unknown> = {}) {
  const { keys: _k, ...c } = card(id, name, 'organization', [], {
    source: 'reader',
    edited: true,
    createdAt: T,
    updatedAt: T,
  });
  return { ...c, ...over };
}

describe('a version-1 file', () => {
  it('with a note version 2 refuses (a blank body, over 50 tags) is refused whole, with the reason, and changes nothing', async () => {
    const nato = cardOut('nato', 'Nato');
    const blank = { id: 'n1', cardId: 'nato', body: '   ', createdAt: T, updatedAt: T };
    const tagged = {
      id: 'n2',
      cardId: 'nato',
      body: 'x',
      tags: Array.from({ length: 60 }, (_, i) => `t${i}`),
      createdAt: T,
      updatedAt: T,
    };
    for (const [note, reason] of [
      [blank, /notes\[0\]\.body: a note without a quote cannot be empty/],
      [tagged, /notes\[0\]\.tags/],
    ] as const) {
      const db = await freshDb();
      const r = await importBackstory(db, file(1, [nato], [note]));
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toMatch(reason);
      expect(await db.notes.count()).toBe(0);
      expect(await db.cards.count()).toBe(0);
    }
  });

  it('with ordinary notes still imports', async () => {
    const db = await freshDb();
    const note = { id: 'n1', cardId: 'nato', body: 'Founded 1949.', tags: ['History '], createdAt: T, updatedAt: T };
    expect(await importBackstory(db, file(1, [cardOut('nato', 'Nato')], [note]))).toMatchObject({ ok: true });
    expect(await db.notes.get('n1')).toMatchObject({ body: 'Founded 1949.', tags: ['history'], cardIds: ['nato'] });
  });
});

describe('a card dated ahead of this device', () => {
  it("does not win over the reader's later edit when the same file is imported again", async () => {
    const db = await freshDb();
    const ahead = file(2, [
      cardOut('nato', 'Nato', { summary: 'from the file', updatedAt: Date.now() + 365 * 86_400_000 }),
    ]);
    expect((await importBackstory(db, ahead)).ok).toBe(true);
    expect((await updateCard(db, { cardId: 'nato', description: '', summary: 'my own edit', aliases: [] })).ok).toBe(
      true,
    );
    await importBackstory(db, ahead);
    expect((await db.cards.get('nato'))?.summary).toBe('my own edit');
  });
});

describe('a card picture from a shared file', () => {
  it('is not shown unless it is on Wikimedia (the hover card would load it on every news page)', async () => {
    const db = await freshDb();
    const tracker = 'https://tracker.example/pixel.gif?reader=42';
    await importBackstory(db, file(2, [cardOut('nato', 'Nato', { image: tracker })]));
    expect(imageSrc((await db.cards.get('nato'))?.image)).toBeNull();
  });
});
