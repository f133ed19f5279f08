// Names that real news pages (../shared/pages) got wrong, in sentences of our own: page furniture,
// peoples and faiths taken for people, places by their last word, Arabic name particles, and the
// companies a reader meets every day, which the starter cards name.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadDetectorFromDisk } from '../../../lib/nlp/load-node';
import type { Detector } from '../../../lib/nlp/detector';
import type { EntityKind } from '../../../lib/entity';

let bare: Detector;
let withCards: Detector;

beforeAll(async () => {
  bare = await loadDetectorFromDisk(path.resolve('public/model'));
  withCards = await loadDetectorFromDisk(path.resolve('public/model'));
  const cards = JSON.parse(fs.readFileSync(path.resolve('public/starter-cards.json'), 'utf8')) as {
    name: string;
    kind: EntityKind;
    aliases: string[];
  }[];
  withCards.setKnownNames(cards.flatMap((c) => [c.name, ...c.aliases].map((name) => ({ name, kind: c.kind }))));
});

/** What `detector` marks in `text`, as "kind:text". */
function marked(detector: Detector, text: string): string[] {
  const r = detector.spot([text]);
  const kinds = new Map(r.entities.map((e) => [e.key, e.kind]));
  return r.spans.map((s) => `${kinds.get(s.entityKey)}:${text.slice(s.start, s.end)}`);
}

describe('the detector on everyday news text', () => {
  it('marks no photo credit word, time of day or holiday as a name', () => {
    const text =
      'Photo: Getty Images. The shop in Leeds opens at 9 AM on Easter Monday, and again at Christmas, said Sarah Jones.';
    const found = marked(bare, text);
    for (const word of ['Photo', 'AM', 'Easter', 'Christmas'])
      expect(found.some((f) => f.endsWith(`:${word}`))).toBe(false);
    expect(found).toContain('person:Sarah Jones');
  });

  it('takes peoples and faiths for groups, not people', () => {
    const text =
      'For Māori, the whale is a taonga. Māori leaders asked Helen Clark to wait. Muslims in Tripoli said the attack was aimed at Muslims.';
    const found = marked(bare, text);
    for (const word of ['Māori', 'Muslims']) expect(found.filter((f) => f.endsWith(`:${word}`))).toEqual([]);
    expect(found).toContain('person:Helen Clark');
    expect(found).toContain('place:Tripoli');
  });

  it('makes a name that ends in Island, Harbour or Peninsula a place', () => {
    const found = marked(bare, 'The whale was found on Stewart Island, far from Whangārei Harbour, by Jane Smith.');
    expect(found).toContain('place:Stewart Island');
    expect(found).toContain('place:Whangārei Harbour');
    expect(found).toContain('person:Jane Smith');
  });

  it('keeps a name whole across Arabic particles ("bin", "al-")', () => {
    const found = marked(
      bare,
      'In the 1990s Osama bin Laden lived in Khartoum as a guest of the president, Omar Hassan al-Bashir.',
    );
    expect(found).toContain('person:Osama bin Laden');
    expect(found).toContain('person:Omar Hassan al-Bashir');
  });

  it('knows the everyday companies and groups as organisations, once the starter cards are known', () => {
    const found = marked(
      withCards,
      'Facebook and Verizon said on Tuesday that WhatsApp would leave Walmart stores, and al-Qaeda and the Islamic State were blamed.',
    );
    for (const name of ['Facebook', 'Verizon', 'WhatsApp', 'Walmart', 'al-Qaeda', 'Islamic State'])
      expect(found).toContain(`organization:${name}`);
  });
});
