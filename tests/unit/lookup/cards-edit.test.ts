import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackstoryDB, SCHEMA_V2 } from '@/lib/db/schema';
import { findCard } from '@/lib/db/cards';
import { deleteCard, mergeCards, updateCard } from '@/lib/db/card-edits';
import { countMentions, countSeenIn, listMentions, storeMentions } from '@/lib/db/mentions';
import { MERGED_KEY_PREFIX, saveLookup } from '@/lib/db/lookups';
import { lookupKey } from '@/lib/db/lookup-key';
import { saveWikipediaCard } from '@/lib/db/wikipedia-cards';
import { installStarterCards } from '@/lib/db/starter';
import {
  kindOfMenu,
  nameFromSelection,
  onMenuClick,
  createMenus,
  MENU_ID,
} from '@/entrypoints/background/context-menu';
import { readLookupSettings, normaliseBaseUrl } from '@/lib/lookup/settings';
import { card, freshDb } from '../db/helpers';

/** Wikipedia's summary of one article, as the look-up hands it to saveWikipediaCard. */
const PORTON_DOWN = {
  title: 'Porton Down',
  type: 'standard',
  description: 'Science park',
  extract: 'Fetched.',
  wikibaseItem: 'Q5',
};

describe('schema version 3', () => {
  it('upgrades a version-2 database, keeping every row, and adds the lookups table', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2
      .table('cards')
      .bulkAdd([card('nato', 'Nato', 'organization', ['NATO']), card('russia', 'Russia', 'place')]);
    await v2.table('notes').add({ id: 'n1', cardId: 'nato', body: 'kept', createdAt: 1, updatedAt: 1 });
    await v2
      .table('mentions')
      .add({ cardId: 'nato', url: 'https://a.test/', title: 'a', site: 'a.test', sentence: 's', seenAt: 1 });
    v2.close();
    const db = new BackstoryDB(name);
    await db.open();
    // Later versions (notes, timelines) build on it; the version-3 lookups table must be there.
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.cards.count()).toBe(2);
    expect((await db.notes.get('n1'))?.body).toBe('kept');
    expect(await countMentions(db)).toBe(1);
    await saveLookup(db, {
      name: 'Nato',
      kind: 'organization',
      status: 'found',
      cardId: 'nato',
      candidates: [],
      chosenByReader: false,
      checkedAt: 1,
    });
    expect(await db.lookups.where('cardId').equals('nato').count()).toBe(1);
    db.close();
  });
});

describe("the reader's own cards", () => {
  it('edits description, summary and aliases; the card is then edited and found by a new alias', async () => {
    const db = await freshDb();
    await db.cards.add(card('nato', 'Nato', 'organization', ['NATO']));
    const r = await updateCard(db, {
      cardId: 'nato',
      description: ' Alliance ',
      summary: 'Mine.',
      aliases: ['NATO', 'Nato', ' OTAN ', 'OTAN', ''],
    });
    expect(r.ok).toBe(true);
    const saved = await db.cards.get('nato');
    expect(saved).toMatchObject({ description: 'Alliance', summary: 'Mine.', aliases: ['NATO', 'OTAN'], edited: true });
    expect((await findCard(db, { name: 'Otan', kind: 'organization' }))?.id).toBe('nato');
    // A starter upgrade leaves it alone.
    const report = await installStarterCards(db, [
      { ...card('nato', 'Nato', 'organization'), createdAt: undefined, updatedAt: undefined },
    ]);
    expect(report.keptEdited).toBe(1);
    expect((await db.cards.get('nato'))?.summary).toBe('Mine.');
  });

  it('refuses an edit that is too long or of a card that is gone', async () => {
    const db = await freshDb();
    await db.cards.add(card('nato', 'Nato', 'organization'));
    expect(
      await updateCard(db, { cardId: 'nato', description: 'x'.repeat(501), summary: '', aliases: [] }),
    ).toMatchObject({ ok: false });
    expect(await updateCard(db, { cardId: 'gone', description: '', summary: '', aliases: [] })).toEqual({
      ok: false,
      error: 'The card was not saved: it no longer exists.',
    });
  });

  it('a Wikipedia refresh never overwrites an edited card', async () => {
    const db = await freshDb();
    const summary = PORTON_DOWN;
    const first = await saveWikipediaCard(db, summary, 'place');
    if (!first) throw new Error('the card was not saved');
    await updateCard(db, { cardId: first.id, description: 'Mine', summary: 'Mine.', aliases: [] });
    const again = await saveWikipediaCard(db, { ...summary, extract: 'New text.' }, 'place');
    expect(again?.summary).toBe('Mine.');
    expect((await db.cards.get(first.id))?.summary).toBe('Mine.');
  });

  it('a look-up of an article the reader already has a card for writes no second card', async () => {
    const db = await freshDb();
    const summary = { ...PORTON_DOWN, pageUrl: 'https://en.wikipedia.org/wiki/Porton_Down' };
    // The reader's own card, with the article's Wikidata id (from a merge); a shipped card that
    // links to the article, without one.
    await db.cards.bulkAdd([
      card('reader-1', 'Porton', 'place', [], { wikidata: 'Q5', source: 'reader', edited: true, summary: 'Mine.' }),
      card('nato', 'NATO', 'organization', [], { url: 'https://en.wikipedia.org/wiki/NATO' }),
    ]);
    expect(await saveWikipediaCard(db, summary, 'place')).toMatchObject({ id: 'reader-1', summary: 'Mine.' });
    const nato = { ...summary, title: 'NATO', wikibaseItem: 'Q7184', pageUrl: 'https://en.wikipedia.org/wiki/NATO' };
    // A starter card keeps its shipped words: only a starter upgrade rewrites it.
    expect(await saveWikipediaCard(db, nato, 'organization')).toMatchObject({ id: 'nato', summary: 'NATO summary' });
    expect((await db.cards.toArray()).map((c) => c.id).sort()).toEqual(['nato', 'reader-1']);
    // A different article of the same name is another card.
    const other = { ...nato, wikibaseItem: 'Q1', pageUrl: 'https://en.wikipedia.org/wiki/NATO_(band)' };
    expect((await saveWikipediaCard(db, other, 'organization'))?.id).toBe('wp-q1');
  });

  it('deletes a card with its notes, mentions and look-ups', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([card('a', 'Alpha', 'person'), card('b', 'Beta', 'person')]);
    await db.notes.bulkAdd([
      { id: 'n1', cardId: 'a', cardIds: ['a'], body: '1', createdAt: 1, updatedAt: 1 },
      { id: 'n2', cardId: 'b', cardIds: ['b'], body: '2', createdAt: 1, updatedAt: 1 },
    ]);
    await storeMentions(db, [
      { cardId: 'a', url: 'u', title: 't', site: 's', sentence: '', seenAt: 1 },
      { cardId: 'a', url: 'v', title: 't', site: 's', sentence: '', seenAt: 2 },
      { cardId: 'b', url: 'v', title: 't', site: 's', sentence: 'b on v', seenAt: 3 },
    ]);
    await saveLookup(db, {
      name: 'Alpha',
      kind: 'person',
      status: 'found',
      cardId: 'a',
      candidates: [],
      chosenByReader: false,
      checkedAt: 1,
    });
    expect(await deleteCard(db, 'a')).toEqual({ ok: true, value: { deleted: true, notes: 1 } });
    expect(await db.cards.get('a')).toBeUndefined();
    expect(await db.notes.toArray()).toHaveLength(1);
    // Page u, left with no card, goes; page v keeps b alone.
    expect(await db.pageMentions.toArray()).toEqual([
      { url: 'v', title: 't', site: 's', seenAt: 3, cardIds: ['b'], sentences: ['b on v'], seenAts: [3] },
    ]);
    // The look-up that led to it is kept as a tombstone, so a hover does not fetch it again.
    expect(await db.lookups.toArray()).toEqual([
      expect.objectContaining({ key: 'person:alpha', status: 'deleted', deletedCardId: 'a', chosenByReader: false }),
    ]);
    expect((await db.lookups.get(lookupKey('person', 'Alpha')))?.cardId).toBeUndefined();
    expect(await deleteCard(db, 'a')).toEqual({ ok: true, value: { deleted: false, notes: 0 } });
  });

  it('deleting a card keeps a quote saved on it, unlinked, but not a plain note on it alone', async () => {
    const db = await freshDb();
    await db.cards.add(card('putin', 'Vladimir Putin', 'person'));
    const quote = { exact: 'the talks are over', prefix: 'He said ', suffix: ' on Monday' };
    await db.notes.bulkAdd([
      { id: 'q', cardId: 'putin', cardIds: ['putin'], body: 'My comment', quote, tags: [], createdAt: 1, updatedAt: 1 },
      { id: 'p', cardId: 'putin', cardIds: ['putin'], body: 'Plain note', tags: [], createdAt: 1, updatedAt: 1 },
    ]);
    expect(await deleteCard(db, 'putin')).toEqual({ ok: true, value: { deleted: true, notes: 1 } });
    expect(await db.notes.get('p')).toBeUndefined();
    expect(await db.notes.get('q')).toMatchObject({ body: 'My comment', quote, cardIds: [], cardId: '' });
  });

  it('a deleted card buries its names too, but not a name that leads to another card', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([card('a', 'Alpha', 'person', ['Al', 'Bee']), card('b', 'Beta', 'person')]);
    await saveLookup(db, {
      name: 'Bee',
      kind: 'person',
      status: 'found',
      cardId: 'b',
      candidates: [],
      chosenByReader: true,
      checkedAt: 1,
    });
    await deleteCard(db, 'a');
    expect((await db.lookups.get(lookupKey('person', 'Alpha')))?.status).toBe('deleted');
    expect((await db.lookups.get(lookupKey('person', 'Al')))?.status).toBe('deleted');
    expect(await db.lookups.get(lookupKey('person', 'Bee'))).toMatchObject({ status: 'found', cardId: 'b' });
  });

  it('a starter upgrade does not bring back a starter card the reader deleted', async () => {
    const db = await freshDb();
    const shipped = [card('nato', 'Nato', 'organization'), card('crimea', 'Crimea', 'place')].map(
      ({ createdAt: _c, updatedAt: _u, ...c }) => c,
    );
    await installStarterCards(db, shipped);
    await deleteCard(db, 'nato');
    const report = await installStarterCards(db, shipped);
    expect(report).toEqual({ written: 1, keptEdited: 1, alreadyHeld: 0, invalid: [] });
    expect(await db.cards.get('nato')).toBeUndefined();
    expect(await db.cards.get('crimea')).toBeDefined();
  });

  it('a starter upgrade does not bring back a starter card merged into another', async () => {
    const db = await freshDb();
    const shipped = [card('nato', 'Nato', 'organization'), card('otan', 'OTAN', 'organization')].map(
      ({ createdAt: _c, updatedAt: _u, ...c }) => c,
    );
    await installStarterCards(db, shipped);
    expect((await mergeCards(db, 'nato', 'otan')).ok).toBe(true);
    await installStarterCards(db, shipped);
    expect(await db.cards.get('otan')).toBeUndefined();
    expect((await db.cards.get('nato'))?.aliases).toContain('OTAN');
    // The name still leads to the kept card, not to a "deleted" answer.
    expect(await db.lookups.get(lookupKey('organization', 'OTAN'))).toBeUndefined();
  });

  it('merges two cards: notes and mentions move, names unite, the other card goes', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([
      card('keep', 'Jens Stoltenberg', 'person', ['Stoltenberg'], { description: '', image: undefined }),
      card('drop', 'J. Stoltenberg', 'person', ['Mr Stoltenberg'], {
        description: 'Dropped description',
        url: 'https://x.test/',
      }),
    ]);
    await db.notes.add({ id: 'n1', cardId: 'drop', cardIds: ['drop'], body: 'moved', createdAt: 1, updatedAt: 1 });
    await storeMentions(db, [
      { cardId: 'keep', url: 'https://a.test/', title: 'a', site: 'a.test', sentence: '', seenAt: 1 },
      { cardId: 'drop', url: 'https://a.test/', title: 'a', site: 'a.test', sentence: '', seenAt: 2 },
      { cardId: 'drop', url: 'https://b.test/', title: 'b', site: 'b.test', sentence: '', seenAt: 3 },
    ]);
    const r = await mergeCards(db, 'keep', 'drop');
    expect(r.ok).toBe(true);
    const kept = await db.cards.get('keep');
    expect(kept?.aliases).toEqual(['Stoltenberg', 'J. Stoltenberg', 'Mr Stoltenberg']);
    expect(kept).toMatchObject({ description: 'Dropped description', url: 'https://x.test/', edited: true });
    expect(await db.cards.get('drop')).toBeUndefined();
    expect((await db.notes.get('n1'))?.cardId).toBe('keep');
    const mentions = await listMentions(db, 'keep');
    // Where both were met, the kept card's own first sighting (seenAt 1) stays.
    expect(mentions.map((m) => [m.url, m.seenAt])).toEqual([
      ['https://b.test/', 3],
      ['https://a.test/', 1],
    ]);
    expect(await countMentions(db)).toBe(2);
    expect(await countSeenIn(db, 'drop')).toBe(0);
    // The tombstone names the kept card, so an import of an older backup sends notes there.
    expect(await db.lookups.get(`${MERGED_KEY_PREFIX}drop`)).toMatchObject({
      deletedCardId: 'drop',
      mergedInto: 'keep',
    });
    expect((await findCard(db, { name: 'Mr Stoltenberg', kind: 'person' }))?.id).toBe('keep');
    expect(await mergeCards(db, 'keep', 'keep')).toMatchObject({ ok: false });
    expect(await mergeCards(db, 'keep', 'drop')).toMatchObject({ ok: false });
  });
});

describe('context menu "Create card"', () => {
  it('creates the entries and makes a reader card from the selection', async () => {
    fakeBrowser.reset();
    const created: { id?: string; parentId?: string | number; title?: string }[] = [];
    const menus = fakeBrowser.contextMenus as unknown as Record<string, unknown>;
    menus.removeAll = async () => void (created.length = 0);
    menus.create = (p: { id?: string; parentId?: string | number; title?: string }) => void created.push(p);
    await createMenus();
    // Other entries (e.g. "Save to Backstory") may sit beside it; "Create card" has one child per kind.
    const parent = created.findIndex((c) => c.id === MENU_ID);
    expect(created.slice(parent).map((c) => c.title)).toEqual([
      'Create card',
      'Person',
      'Organisation',
      'Place',
      'Event',
    ]);
    expect(created.slice(parent + 1).every((c) => c.parentId === MENU_ID)).toBe(true);

    const db = await freshDb();
    expect(kindOfMenu(`${MENU_ID}:place`)).toBe('place');
    expect(kindOfMenu('something-else')).toBeNull();
    expect(nameFromSelection('  Porton\n  Down ')).toBe('Porton Down');
    const r = await onMenuClick(db, { menuItemId: `${MENU_ID}:place`, selectionText: ' Porton\nDown ' });
    expect(r?.ok && r.value).toMatchObject({ name: 'Porton Down', kind: 'place', source: 'reader', edited: true });
    expect(await onMenuClick(db, { menuItemId: 'other', selectionText: 'x' })).toBeNull();
    expect(await onMenuClick(db, { menuItemId: `${MENU_ID}:person`, selectionText: '   ' })).toMatchObject({
      ok: false,
    });
  });
});

describe('look-up settings', () => {
  it('defaults to on and en.wikipedia.org; accepts a local test server; refuses other http', async () => {
    fakeBrowser.reset();
    expect(await readLookupSettings()).toEqual({ enabled: true, baseUrl: 'https://en.wikipedia.org' });
    await fakeBrowser.storage.local.set({ lookups: false, lookupBaseUrl: 'http://127.0.0.1:8123/' });
    expect(await readLookupSettings()).toEqual({ enabled: false, baseUrl: 'http://127.0.0.1:8123' });
    expect(normaliseBaseUrl('http://evil.test')).toBeNull();
    expect(normaliseBaseUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseBaseUrl('https://de.wikipedia.org/wiki/x')).toBe('https://de.wikipedia.org');
  });
});

describe('cards and multi-card notes', () => {
  it('merging relinks notes to the kept card; deleting keeps notes still on another card', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([card('a', 'Alpha', 'person'), card('b', 'Beta', 'person'), card('c', 'Gamma', 'person')]);
    await db.notes.bulkAdd([
      { id: 'both', cardId: 'b', cardIds: ['b', 'a'], body: 'on both', createdAt: 1, updatedAt: 1 },
      { id: 'onlyB', cardId: 'b', cardIds: ['b'], body: 'on B', createdAt: 1, updatedAt: 1 },
      { id: 'bc', cardId: 'c', cardIds: ['c', 'b'], body: 'on C and B', createdAt: 1, updatedAt: 1 },
    ]);
    expect((await mergeCards(db, 'a', 'b')).ok).toBe(true);
    expect(await db.notes.get('both')).toMatchObject({ cardId: 'a', cardIds: ['a'] });
    expect(await db.notes.get('onlyB')).toMatchObject({ cardId: 'a', cardIds: ['a'] });
    expect(await db.notes.get('bc')).toMatchObject({ cardId: 'c', cardIds: ['c', 'a'] });
    expect(await deleteCard(db, 'a')).toEqual({ ok: true, value: { deleted: true, notes: 2 } });
    expect((await db.notes.toArray()).map((n) => [n.id, n.cardIds])).toEqual([['bc', ['c']]]);
  });
});
