import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { installStarterCards } from '@/lib/db/starter';
import { findCard, listKnownNames } from '@/lib/db/cards';
import { card, freshDb } from './helpers';
import { lookupKey } from '@/lib/db/lookup-key';
import { REQUIRED } from '../../../scripts/starter/required';

const starter = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  kind: 'organization',
  aliases: [],
  keys: [],
  description: `${name} v1`,
  summary: '',
  source: 'starter',
  edited: false,
  ...extra,
});

describe('installStarterCards', () => {
  it('upserts by id, recomputes keys, and never overwrites a card the reader edited', async () => {
    const db = await freshDb();
    const first = await installStarterCards(db, [
      starter('nato', 'Nato', { aliases: ['NATO'] }),
      starter('un', 'United Nations'),
    ]);
    expect(first).toEqual({ written: 2, keptEdited: 0, alreadyHeld: 0, invalid: [] });
    expect((await db.cards.get('nato'))?.keys).toEqual(['nato']);
    const createdAt = (await db.cards.get('un'))!.createdAt;

    await db.cards.update('nato', { description: 'My own words', edited: true });
    const second = await installStarterCards(db, [
      starter('nato', 'Nato', { description: 'Nato v2' }),
      starter('un', 'United Nations', { description: 'United Nations v2', aliases: ['UN'] }),
      starter('eu', 'European Union'),
    ]);
    expect(second).toEqual({ written: 2, keptEdited: 1, alreadyHeld: 0, invalid: [] });
    expect((await db.cards.get('nato'))?.description).toBe('My own words');
    const un = await db.cards.get('un');
    expect(un).toMatchObject({ description: 'United Nations v2', keys: ['united nations', 'un'], createdAt });
    expect(await db.cards.count()).toBe(3);
  });

  it('adds no new starter card for a name the reader already has a card for', async () => {
    const db = await freshDb();
    // Cards look-ups wrote before the starter set had one (the reader's notes are on them), one
    // under the kind the tagger gave the name then.
    await db.cards.add(card('wikipedia:Facebook', 'Facebook', 'organization', [], { source: 'wikipedia' }));
    await db.cards.add(card('wikipedia:Verizon', 'Verizon', 'person', [], { source: 'wikipedia' }));
    const report = await installStarterCards(db, [
      starter('facebook', 'Facebook'),
      starter('verizon', 'Verizon'),
      starter('google', 'Google'),
    ]);
    expect(report).toMatchObject({ written: 1, alreadyHeld: 2 });
    expect(await db.cards.get('facebook')).toBeUndefined();
    // Hovering "Facebook" still shows the reader's card, with their notes.
    expect((await findCard(db, { name: 'Facebook', kind: 'organization' }))?.id).toBe('wikipedia:Facebook');
    // A starter card already installed is still refreshed, whatever else holds its name.
    await db.cards.add(card('wikipedia:Google', 'Google', 'organization', [], { source: 'wikipedia' }));
    expect(await installStarterCards(db, [starter('google', 'Google', { description: 'Google v2' })])).toMatchObject({
      written: 1,
      alreadyHeld: 0,
    });
    expect((await db.cards.get('google'))?.description).toBe('Google v2');
  });

  it('adds no new starter card for a name a look-up led to a card under another title', async () => {
    const db = await freshDb();
    // "Twitter" was looked up and Wikipedia's redirect led it to a card named "X".
    await db.cards.add(card('wikipedia:X', 'X', 'organization', [], { source: 'wikipedia' }));
    await db.lookups.put({
      key: lookupKey('organization', 'Twitter'),
      name: 'Twitter',
      kind: 'organization',
      status: 'found',
      cardId: 'wikipedia:X',
      candidates: [],
      chosenByReader: false,
      checkedAt: 1,
    });
    expect(await installStarterCards(db, [starter('twitter', 'Twitter')])).toMatchObject({
      written: 0,
      alreadyHeld: 1,
    });
    expect(await db.cards.get('twitter')).toBeUndefined();
    // Once that card is gone (the reader emptied the database), the starter card comes.
    await db.cards.clear();
    expect(await installStarterCards(db, [starter('twitter', 'Twitter')])).toMatchObject({
      written: 1,
      alreadyHeld: 0,
    });
  });

  it('skips nothing on a first install, a reinstall or into a database the reader emptied', async () => {
    const shipped = JSON.parse(readFileSync('public/starter-cards.json', 'utf8')) as unknown[];
    const db = await freshDb();
    expect(await installStarterCards(db, shipped)).toMatchObject({ written: shipped.length, alreadyHeld: 0 });
    expect(await installStarterCards(db, shipped)).toMatchObject({ written: shipped.length, alreadyHeld: 0 });
    await db.cards.clear();
    expect(await installStarterCards(db, shipped)).toMatchObject({ written: shipped.length, alreadyHeld: 0 });
  });

  it('demonyms find the card but are not names the detector is told', async () => {
    const db = await freshDb();
    await installStarterCards(db, [
      starter('russia', 'Russia', { kind: 'place', aliases: ['Russian Federation'], demonyms: ['Russian'] }),
    ]);
    expect((await findCard(db, { name: 'Russian', kind: 'place' }))?.id).toBe('russia');
    expect(await listKnownNames(db)).toEqual([{ name: 'Russia', kind: 'place', aliases: ['Russian Federation'] }]);
  });

  it('skips malformed entries and writes the rest', async () => {
    const db = await freshDb();
    const report = await installStarterCards(db, [
      starter('ok', 'Fine'),
      starter('Bad Id', 'Bad'),
      { id: 'no-name' },
      starter('js', 'Script', { url: 'javascript:alert(1)' }),
      null,
    ]);
    expect(report.written).toBe(1);
    expect(report.invalid).toHaveLength(4);
    expect(await db.cards.count()).toBe(1);
  });

  it('the shipped starter-cards.json installs and covers the reference article', async () => {
    const cards = JSON.parse(readFileSync('public/starter-cards.json', 'utf8')) as unknown[];
    const db = await freshDb();
    const report = await installStarterCards(db, cards);
    expect(report.invalid).toEqual([]);
    expect(report.written).toBe(cards.length);
    // The same list the build script refuses to ship without.
    for (const [name, kind] of REQUIRED) {
      const found = await findCard(db, { name, kind });
      expect(found, name).not.toBeNull();
      expect(found!.kind, name).toBe(kind);
      expect(found!.description.length, name).toBeGreaterThan(10);
      expect(found!.url, name).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\//);
    }
  });
});
