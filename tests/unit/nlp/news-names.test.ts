// Names that real news pages (../shared/pages) got wrong, in sentences of our own: page furniture,
// peoples and faiths taken for people, places by their last word, Arabic name particles, and the
// companies a reader meets every day, which the starter cards name.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadDetectorFromDisk } from '../../../lib/nlp/load-node';
import type { Detector } from '../../../lib/nlp/detector';
import type { EntityKind } from '../../../lib/entity';
import type { PieceAnalysis } from '../../../lib/nlp/analyze';
import type { Gazetteer } from '../../../lib/nlp/gazetteer';
import { applySpanRules } from '../../../lib/nlp/rules';
import { caseClass } from '../../../lib/nlp/word-shape';

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

  it('cuts the dot of a web address from a name, and marks no nationality of two words or common noun at a start', () => {
    const text =
      'This is not the first time the Snopes.com writer has said so. It still shocks some New Zealanders. “Man’s greed is hurting the whales,” Sheriff’s deputies said.';
    const found = marked(bare, text);
    expect(found.filter((f) => f.includes('Snopes'))).toEqual(['organization:Snopes']);
    expect(found.join(' ')).not.toMatch(/Zealanders|Man|Sheriff/);
  });

  it('takes peoples and faiths for groups, not people', () => {
    const text =
      'For Māori, the whale is a taonga. Māori leaders asked Helen Clark to wait. Muslims in Tripoli said the attack was aimed at Muslims.';
    const found = marked(bare, text);
    for (const word of ['Māori', 'Muslims']) expect(found.filter((f) => f.endsWith(`:${word}`))).toEqual([]);
    expect(found).toContain('person:Helen Clark');
    expect(found).toContain('place:Tripoli');
    // A sentence that starts with a quantifier does not make it part of a name.
    expect(marked(bare, 'Many Māori voted for Helen Clark.').join(' ')).not.toMatch(/Many|Māori/);
  });

  it('takes one word after "the" that closes a clause for a thing, not a person', () => {
    const boat = marked(bare, "Bassi's father fished on the Polaris, which Bassi co-owns with Rolfe McCartney.");
    expect(boat.join(' ')).not.toMatch(/Polaris/);
    expect(boat).toContain('person:Rolfe McCartney');
    // An article that only ever writes the word after "the" means the thing in every mention.
    const story = marked(
      bare,
      'Two men loaded up the Polaris, one of four old schooners. The Polaris motored out of the harbour. Each spring the Polaris makes a series of trips. Bassi co-owns it with Rolfe McCartney.',
    );
    expect(story.join(' ')).not.toMatch(/Polaris/);
    expect(story).toContain('person:Rolfe McCartney');
    // A person the article also names without "the" stays a person, there too.
    const person = marked(bare, 'Obama spoke in Chicago. Fans of the Obama, as one aide put it, cheered.');
    expect(person.filter((f) => f === 'person:Obama')).toHaveLength(2);
  });

  it('makes a name that ends in Terminal, Airport, Square or Bridge a place', () => {
    const text =
      'Delays hit Kennedy Airport on Friday. Protesters gathered in Trafalgar Square and on Westminster Bridge. The ship docked at the Smith Cove Terminal, officials said.';
    const found = marked(bare, text);
    for (const name of ['Kennedy Airport', 'Trafalgar Square', 'Westminster Bridge', 'Smith Cove Terminal'])
      expect(found).toContain(`place:${name}`);
  });

  it('makes a name that ends in Council, Association or Company an organisation', () => {
    const found = marked(
      bare,
      'It sported the blue Marine Stewardship Council (MSC) Certified Sustainable Seafood label. The MSC halibut sold, said Bob Alverson.',
    );
    expect(found).toContain('organization:Marine Stewardship Council');
    expect(found.filter((f) => f === 'organization:MSC')).toHaveLength(2);
    expect(found).toContain('person:Bob Alverson');
    expect(found.join(' ')).not.toMatch(/person:(Marine|MSC)/);
    expect(marked(bare, 'The deal was first reported by Business Insider on Monday.')).toEqual([
      'organization:Business Insider',
    ]);
    // A "place" by its first words is a body by its last: "All-England Club", "... South Africa Ltd".
    expect(marked(bare, 'Wimbledon is played at the All-England Club in London.')).toContain(
      'organization:All-England Club',
    );
    expect(marked(bare, 'The ship left Newport News on Monday.')).toContain('place:Newport News');
    expect(marked(bare, 'West Bank towns and the Soviet Union stay places.')).toEqual([
      'place:West Bank',
      'place:Soviet Union',
    ]);
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

/** A hand-made piece for the span rules alone: tokens split on spaces, no line breaks, no word flags. */
function piece(words: string[]): PieceAnalysis {
  const n = words.length;
  return {
    info: {
      text: words,
      lower: words.map((w) => w.toLowerCase()),
      cls: Uint8Array.from(words, (w) => caseClass(w)),
      nl: new Uint8Array(n),
      flags: new Uint32Array(n + 1),
      n,
    },
  } as unknown as PieceAnalysis;
}
const noGazetteer = { isDemonym: () => false } as unknown as Gazetteer;

describe('the news-page rules leave other names alone', () => {
  it('takes the capitalised word after "bin" into the name when the tagger left it out', () => {
    const out = applySpanRules(
      piece(['Osama', 'bin', 'Laden', 'was', 'killed']),
      [{ from: 0, to: 1, kind: 'person' }],
      noGazetteer,
    );
    expect(out).toEqual([{ from: 0, to: 3, kind: 'person' }]);
  });

  it('starts the name at the word before "bin" when only the last name was tagged', () => {
    expect(marked(bare, 'Mohammed bin Salman visited Paris.')).toContain('person:Mohammed bin Salman');
  });

  it.each([
    ['Protesters marched in Kafr el-Sheikh on Friday.'],
    ['Doctors at Gaza al-Shifa hospital said.'],
    ['The group Ansar al-Sharia claimed the attack in Benghazi.'],
  ])('makes no person of a place or organisation before "al-"/"el-": %s', (text) => {
    expect(marked(bare, text).filter((f) => f.startsWith('person:'))).toEqual([]);
  });

  it('makes no person of an organisation before "bin"', () => {
    const found = marked(bare, 'Qatar Airways bin Hamad chairman spoke.');
    expect(found).toContain('organization:Qatar Airways');
    expect(found.some((f) => f.includes('Airways bin'))).toBe(false);
  });

  it.each([
    ['Frank Ocean released a new album on Friday, his label said.', 'person:Frank Ocean'],
    ['Billy Ocean will tour Britain next year.', 'person:Billy Ocean'],
    ['The retailer River Island said sales fell in London.', 'organization:River Island'],
    ['Mark Knopfler left Dire Straits in 1995.', 'organization:Dire Straits'],
  ])('keeps a person or organisation whose last word names a kind of place: %s', (text, want) => {
    expect(marked(bare, text)).toContain(want);
  });
});

describe('starter-card names match only where the page writes them as the card does', () => {
  it('takes "an Islamic state" (the idea) for no group', () => {
    const found = marked(withCards, 'Iran became an Islamic state after the 1979 revolution, the cleric said.');
    expect(found.some((f) => f.startsWith('organization:Islamic'))).toBe(false);
  });

  it('takes "Whole foods" at the start of a sentence for no supermarket', () => {
    expect(marked(withCards, 'Whole foods such as oats are cheaper, the dietitian said.')).toEqual([]);
  });

  it('keeps the actress Isis Valverde a person (the card writes "ISIS")', () => {
    expect(marked(withCards, 'Isis Valverde starred in the Brazilian soap opera.')).toContain('person:Isis Valverde');
  });

  it('still matches every way the cards write a name ("Nato" and "NATO")', () => {
    const found = marked(withCards, 'NATO allies met in Brussels, and Nato said ISIS fighters were held.');
    expect(found).toContain('organization:NATO');
    expect(found).toContain('organization:Nato');
    expect(found).toContain('organization:ISIS');
  });
});

describe('names inside hyphenated modifiers ("Pakistan-based")', () => {
  it('takes no sentence-initial word or title into the name, nor a person for a "-based" place', () => {
    expect(marked(bare, 'Two Seattle-based firms merged on Monday.')).toContain('place:Seattle');
    expect(marked(bare, 'Several Pakistan-based groups claimed the attack.')).toContain('place:Pakistan');
    const found = marked(bare, 'The Washington-based think tank praised Denzel Washington and an Austin-based firm.');
    expect(found).not.toContain('person:Washington');
    expect(found).toContain('place:Austin');
    // A capitalised word inside the sentence is part of the name: nothing vouches for "Mercer Island".
    expect(marked(withCards, 'A Mercer Island-based firm won.').join(' ')).not.toMatch(/Island/);
  });

  it('marks a place the gazetteer knows, with exact offsets, and no nationality word', () => {
    const text = 'The Pakistan-based group and Russian-backed rebels met a London-born writer.';
    const found = marked(bare, text);
    expect(found).toContain('place:Pakistan');
    expect(found).toContain('place:London');
    expect(found.join(' ')).not.toMatch(/Russian|based|born/);
  });

  it('gives a name the kind the article gives it elsewhere, and leaves an unvouched one alone', () => {
    const text =
      'Hamas said the truce would hold. The Hamas-run ministry and a U.S.-led coalition answered, U.S. officials said. A Harvard-educated lawyer spoke.';
    const found = marked(bare, text);
    expect(found.filter((f) => f === 'organization:Hamas')).toHaveLength(2);
    expect(found.filter((f) => f === 'place:U.S.')).toHaveLength(2);
    expect(found.join(' ')).not.toMatch(/Harvard|-run|-led/);
  });

  it('takes a modifier of several words whole, and a surname the article gave in full', () => {
    const text = 'A Trump-era rule came first, said Donald Trump. The New York-based bank sued in New York.';
    const found = marked(bare, text);
    expect(found).toContain('person:Trump');
    expect(found.filter((f) => f === 'place:New York')).toHaveLength(2);
    expect(found.join(' ')).not.toMatch(/place:York|era/);
  });
});

describe('companies a starter card names', () => {
  it('marks Amazon, Kroger and Costco as organisations, but not the Amazon rainforest in an article about it', () => {
    const text =
      'Amazon bought Whole Foods, which competes with Kroger and Costco, said Tom Forte, who follows Amazon.';
    const found = marked(withCards, text);
    expect(found.filter((f) => f === 'organization:Amazon')).toHaveLength(2);
    expect(found).toContain('organization:Kroger');
    expect(found).toContain('organization:Costco');
    expect(found).toContain('person:Tom Forte');
    // An article on the rainforest: no "Amazon" in it is the company, also where no landform word follows.
    const forest = marked(
      withCards,
      'Deforestation in the Amazon rose sharply. Fires in the Amazon rain forest spread to Brazil.',
    ).join(' ');
    expect(forest).not.toMatch(/organization:Amazon/);
  });

  it('takes "the Amazon" closing a clause, after a country\'s adjective or after deforestation, for the forest', () => {
    for (const text of [
      'Fires burned for weeks in the Amazon. Scientists said the Amazon is near a tipping point.',
      'Cattle ranching across the Amazon, where soy farms spread, worries Brazil.',
      'Logging in the Brazilian Amazon rose. The Amazon lost an area the size of Wales.',
      'Satellites watch the Amazon region closely. The Amazon may not recover.',
      'Deforestation in the Amazon has slowed this year. The Amazon still loses trees.',
    ])
      expect(marked(withCards, text).join(' '), text).not.toMatch(/organization:Amazon/);
    // The company, written with "the" before it as a modifier.
    for (const text of [
      'Workers from the Amazon warehouse in Bessemer voted. Amazon said it would appeal.',
      'The Amazon founder spoke to Reuters. Amazon shares rose in New York.',
    ])
      expect(marked(withCards, text), text).toContain('organization:Amazon');
  });
});

describe("bodies named after a starter card's name", () => {
  it('keeps "Amazon Web Services" and "the Obama Foundation" whole, and AFP in "AFP Powered"', () => {
    const text = 'Amazon Web Services went down, Amazon said. The Obama Foundation met. Photo: AFP Powered by Getty.';
    const found = marked(withCards, text);
    expect(found).toContain('organization:Amazon Web Services');
    expect(found).toContain('organization:Amazon');
    expect(found).toContain('organization:Obama Foundation');
    expect(found).toContain('organization:AFP');
    expect(found.join(' ')).not.toMatch(/AFP Powered/);
    // Another card's name inside the body takes no part of it.
    expect(marked(withCards, 'Amazon India Foundation grew.')).toEqual(['organization:Amazon India Foundation']);
    // A legal form is the company itself: the card keeps it.
    expect(marked(withCards, 'Amazon Holdings rose on Monday.')).toEqual(['organization:Amazon']);
  });
});

describe('news organisations a starter card names', () => {
  it('marks PolitiFact, however its capitals are written, as an organisation, not a place', () => {
    const text = 'Fact checkers at ABC News and Politifact rated the claim false. PolitiFact said so on Monday.';
    const found = marked(withCards, text);
    expect(found.filter((f) => f === 'organization:Politifact' || f === 'organization:PolitiFact')).toHaveLength(2);
    expect(found.join(' ')).not.toMatch(/place:Politi/i);
  });
});

describe('armed groups and territories a starter card names', () => {
  it('marks Hezbollah, the Taliban and the Houthis as organisations and Gaza and Chechnya as places', () => {
    const text =
      'Hezbollah fired rockets from Lebanon. Taliban fighters took Kabul. Houthi rebels attacked ships while Hamas ruled Gaza. Fighting in Chechnya, said the Kremlin.';
    const found = marked(withCards, text);
    for (const name of ['Hezbollah', 'Taliban', 'Houthi', 'Hamas']) expect(found).toContain(`organization:${name}`);
    expect(found).toContain('place:Gaza');
    expect(found).toContain('place:Chechnya');
  });
});
