import { describe, expect, it } from 'vitest';
import { listNotes, saveNote } from '@/lib/db/notes';
import * as v from 'valibot';
import { normaliseTags, noteCardIds, noteTextError, parseTags, restorable, siteOfUrl } from '@/lib/db/note-model';
import { backgroundSchemas } from '@/lib/messaging/protocol';
import { card, freshDb } from './helpers';

async function dbWithCards() {
  const db = await freshDb();
  await db.cards.bulkAdd([
    card('nato', 'Nato', 'organization'),
    card('russia', 'Russia', 'place'),
    card('kyiv', 'Kyiv', 'place'),
  ]);
  return db;
}

const quote = {
  exact: 'relations are at their  lowest point',
  prefix: 'Stoltenberg said ',
  suffix: ' since the Cold War',
};

describe('note model: several cards, tags, quotes', () => {
  it('links a note to several cards, found from each of them', async () => {
    const db = await dbWithCards();
    const res = await saveNote(db, {
      cardId: 'nato',
      cardIds: ['russia', 'nato'],
      body: 'Both sides',
      tags: ['#Summit', 'summit', ' Cold  War '],
    });
    if (!res.ok) throw new Error(res.error);
    expect(res.value).toMatchObject({ cardId: 'nato', cardIds: ['nato', 'russia'], tags: ['summit', 'cold war'] });
    expect((await listNotes(db, 'russia')).map((n) => n.id)).toEqual([res.value.id]);
    expect((await listNotes(db, 'nato')).map((n) => n.id)).toEqual([res.value.id]);
    expect((await db.notes.get(res.value.id))?.tags).toEqual(['summit', 'cold war']);
  });

  it('edits links and tags; refuses a link to a missing card and keeps the note as it was', async () => {
    const db = await dbWithCards();
    const made = await saveNote(db, { cardId: 'nato', body: 'x' });
    if (!made.ok) throw new Error(made.error);
    const edit = await saveNote(db, { noteId: made.value.id, body: 'y', cardIds: ['kyiv', 'russia'], tags: ['war'] });
    expect(edit.ok && edit.value).toMatchObject({
      cardId: 'kyiv',
      cardIds: ['kyiv', 'russia'],
      tags: ['war'],
      body: 'y',
    });
    expect(edit.ok && edit.value.updatedAt).toBeGreaterThan(made.value.updatedAt);
    const bad = await saveNote(db, { noteId: made.value.id, body: 'z', cardIds: ['kyiv', 'ghost'] });
    expect(bad).toEqual({ ok: false, error: 'The note was not saved: a linked card no longer exists (ghost).' });
    const none = await saveNote(db, { noteId: made.value.id, body: 'z', cardIds: [] });
    expect(none).toEqual({ ok: false, error: 'The note was not saved: link it to at least one card.' });
    expect((await db.notes.get(made.value.id))?.body).toBe('y');
  });

  it('a quote-note may have an empty body and no card; a plain note may not', async () => {
    const db = await dbWithCards();
    const q = await saveNote(db, { body: '', quote, page: { url: 'https://www.bbc.co.uk/news/1', title: 'T' } });
    if (!q.ok) throw new Error(q.error);
    expect(q.value).toMatchObject({
      cardId: '',
      cardIds: [],
      body: '',
      quote: {
        exact: 'relations are at their lowest point',
        prefix: 'Stoltenberg said ',
        suffix: ' since the Cold War',
      },
      page: { site: 'www.bbc.co.uk' },
    });
    expect(await saveNote(db, { body: '' })).toEqual({ ok: false, error: 'A note cannot be empty.' });
    expect(await saveNote(db, { body: 'text' })).toEqual({
      ok: false,
      error: 'The note was not saved: it is not on any card.',
    });
    // Editing the quote-note down to an empty comment is fine; its quote never changes.
    const edited = await saveNote(db, {
      noteId: q.value.id,
      body: '  ',
      quote: { exact: 'other', prefix: '', suffix: '' },
    });
    expect(edited.ok && edited.value.quote?.exact).toBe('relations are at their lowest point');
  });

  it('helpers: tags, sites, old records, the body rule', () => {
    expect(parseTags('Nato, #summit; ,cold   war\nNATO')).toEqual(['nato', 'summit', 'cold war']);
    expect(normaliseTags(['', '#', 'x'.repeat(100)])).toEqual(['x'.repeat(60)]);
    expect(siteOfUrl('https://www.ft.com/a?b')).toBe('www.ft.com');
    expect(siteOfUrl('nope')).toBe('');
    expect(noteCardIds({ cardId: 'a' })).toEqual(['a']);
    expect(noteCardIds({ cardId: '', cardIds: [] })).toEqual([]);
    expect(noteTextError('', true)).toBeNull();
    expect(noteTextError('', false)).toBe('A note cannot be empty.');
  });
});

describe('restorable', () => {
  it('gives Undo a note its message accepts, even one whose time no date can hold', () => {
    const stored = { id: 'n1', cardId: 'nato', body: 'Old import', createdAt: 1e20, updatedAt: 1e20 };
    const note = restorable(stored);
    expect(note).toMatchObject({ cardIds: ['nato'], tags: [], createdAt: 8.64e15, updatedAt: 8.64e15 });
    expect(v.safeParse(backgroundSchemas.restoreNote, { note }).success).toBe(true);
  });
});
