import { describe, expect, it, vi } from 'vitest';
import { deleteNote, listNotes, saveNote } from '@/lib/db/notes';
import { NOTE_MAX_CHARS } from '@/lib/db/records';
import { card, freshDb } from './helpers';

const page = { url: 'https://news.test/nato', title: 'Nato and Russia' };

async function dbWithCard() {
  const db = await freshDb();
  await db.cards.add(card('nato', 'Nato', 'organization'));
  return db;
}

describe('notes', () => {
  it('saves, lists (newest first), edits and deletes notes', async () => {
    const db = await dbWithCard();
    const first = await saveNote(db, { cardId: 'nato', body: 'Founded 1949', page });
    if (!first.ok) throw new Error(first.error);
    expect(first.value.page).toEqual({ ...page, site: 'news.test' });
    expect(first.value).toMatchObject({ cardId: 'nato', cardIds: ['nato'], tags: [] });
    vi.spyOn(Date, 'now').mockReturnValue(first.value.createdAt + 10);
    const second = await saveNote(db, { cardId: 'nato', body: 'HQ in Brussels' });
    vi.restoreAllMocks();
    if (!second.ok) throw new Error(second.error);
    expect((await listNotes(db, 'nato')).map((n) => n.body)).toEqual(['HQ in Brussels', 'Founded 1949']);

    const edited = await saveNote(db, {
      cardId: 'nato',
      noteId: first.value.id,
      body: 'Founded 4 April 1949',
      page: { url: 'https://other.test', title: 'x' },
    });
    if (!edited.ok) throw new Error(edited.error);
    expect(edited.value).toMatchObject({
      id: first.value.id,
      body: 'Founded 4 April 1949',
      page: { ...page, site: 'news.test' },
      createdAt: first.value.createdAt,
    });
    expect(await db.notes.count()).toBe(2);

    expect(await deleteNote(db, second.value.id)).toEqual({ ok: true, value: { deleted: true } });
    expect(await deleteNote(db, second.value.id)).toEqual({ ok: true, value: { deleted: false } });
    expect((await listNotes(db, 'nato')).map((n) => n.body)).toEqual(['Founded 4 April 1949']);
  });

  it('rejects an empty or too long body with a clear message and saves nothing', async () => {
    const db = await dbWithCard();
    const kept = await saveNote(db, { cardId: 'nato', body: 'keep me' });
    if (!kept.ok) throw new Error(kept.error);
    expect(await saveNote(db, { cardId: 'nato', body: '  \n ' })).toEqual({
      ok: false,
      error: 'A note cannot be empty.',
    });
    const long = await saveNote(db, { cardId: 'nato', body: 'x'.repeat(NOTE_MAX_CHARS + 1) });
    expect(long).toEqual({ ok: false, error: 'A note can be at most 100,000 characters; this one has 100,001.' });
    // Editing a saved note into an invalid one leaves it as it was.
    await saveNote(db, { cardId: 'nato', noteId: kept.value.id, body: '' });
    expect((await listNotes(db, 'nato')).map((n) => n.body)).toEqual(['keep me']);
    expect((await saveNote(db, { cardId: 'nato', body: 'x'.repeat(NOTE_MAX_CHARS) })).ok).toBe(true);
  });

  it('refuses notes on a missing card or a deleted note', async () => {
    const db = await dbWithCard();
    expect(await saveNote(db, { cardId: 'gone', body: 'hello' })).toEqual({
      ok: false,
      error: 'The note was not saved: its card no longer exists.',
    });
    expect((await saveNote(db, { cardId: 'nato', noteId: 'nope', body: 'hello' })).ok).toBe(false);
    expect(await db.notes.count()).toBe(0);
  });

  it('does not overwrite an edit saved elsewhere since the editor opened the note', async () => {
    const db = await dbWithCard();
    const opened = await saveNote(db, { cardId: 'nato', body: 'Article 5.' });
    if (!opened.ok) throw new Error(opened.error);
    const base = opened.value.updatedAt;
    // Another tab (or a hover card) saves first, from the same version.
    const other = await saveNote(db, {
      noteId: opened.value.id,
      body: 'Article 5. Invoked once.',
      baseUpdatedAt: base,
    });
    if (!other.ok) throw new Error(other.error);
    expect(await saveNote(db, { noteId: opened.value.id, body: 'Article 5, tagged.', baseUpdatedAt: base })).toEqual({
      ok: false,
      error: expect.stringMatching(/changed elsewhere meanwhile\. Copy your text/),
    });
    expect((await db.notes.get(opened.value.id))?.body).toBe('Article 5. Invoked once.');
    // Begun on the newest version, the edit goes through.
    const next = await saveNote(db, { noteId: opened.value.id, body: 'Now.', baseUpdatedAt: other.value.updatedAt });
    expect(next.ok).toBe(true);
  });

  it('a failed write (storage full) reports a clear message and loses nothing', async () => {
    const db = await dbWithCard();
    const kept = await saveNote(db, { cardId: 'nato', body: 'saved before the disk filled up' });
    if (!kept.ok) throw new Error(kept.error);
    const put = vi.spyOn(db.notes, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const edit = await saveNote(db, { cardId: 'nato', noteId: kept.value.id, body: 'an edit that cannot be stored' });
    const added = await saveNote(db, { cardId: 'nato', body: 'a new note that cannot be stored' });
    put.mockRestore();
    for (const r of [edit, added]) {
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error).toMatch(
          /^The note was not saved: the browser's storage for Backstory is full\..*nothing already saved was lost/,
        );
    }
    expect((await listNotes(db, 'nato')).map((n) => n.body)).toEqual(['saved before the disk filled up']);

    const del = vi.spyOn(db.notes, 'delete').mockRejectedValue(new Error('disk I/O error'));
    const deleted = await deleteNote(db, kept.value.id);
    del.mockRestore();
    expect(deleted).toEqual({
      ok: false,
      error: expect.stringContaining(
        'The note was not deleted because the database refused the write (disk I/O error)',
      ),
    });
    expect(await db.notes.count()).toBe(1);
  });
});
