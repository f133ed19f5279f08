// Regression test on the reference article: every name a reader should be able to look up, with its kind.
// It runs twice: with the bare model (the CLI) and with the starter cards as known names, which is
// how the background worker runs it in the extension.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadDetectorFromDisk } from '../../../lib/nlp/load-node';
import type { SpotResult, EntityKind } from '../../../lib/entity';

const SEED = path.resolve(__dirname, '../../../../shared/seed/nato-russia-lowest-point.txt');
const blocks = fs
  .readFileSync(SEED, 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim());

interface StarterCard {
  name: string;
  kind: EntityKind;
  aliases: string[];
}
/** Each starter card's name and aliases, flattened as the background's detector loader does. */
function starterNames(): { name: string; kind: EntityKind }[] {
  const cards = JSON.parse(fs.readFileSync(path.resolve('public/starter-cards.json'), 'utf8')) as StarterCard[];
  return cards.flatMap((c) => [c.name, ...c.aliases].map((name) => ({ name, kind: c.kind })));
}

describe.each([
  ['the bare model', false],
  ['the starter cards as known names', true],
])('with %s', (_label, withCards) => {
  let result: SpotResult;

  beforeAll(async () => {
    const detector = await loadDetectorFromDisk(path.resolve('public/model'));
    if (withCards) detector.setKnownNames(starterNames());
    result = detector.spot(blocks);
  });

  const find = (kind: EntityKind, name: string | RegExp) =>
    result.entities.find((e) => e.kind === kind && (typeof name === 'string' ? e.name === name : name.test(e.name)));

  describe('reference article: Nato-Russia relations at lowest point', () => {
    it.each([
      ['person', 'Jens Stoltenberg'],
      ['person', 'Sergei Skripal'],
      ['organization', 'Nato'],
      ['organization', 'Nato-Russia Council'],
      ['organization', 'AFP'],
      ['place', 'Russia'],
      ['place', 'Moscow'],
      ['place', 'Ukraine'],
      ['place', 'Crimea'],
      ['place', 'Europe'],
      ['place', 'Salisbury'],
      ['event', 'Cold War'],
      ['event', 'Nato summit'],
      ['event', 'Annexation of Crimea'],
      ['event', 'Poisoning of Sergei Skripal'],
      ['event', /^Expulsion of Russian diplomats/],
      ['event', "Closure of Russia's mission to Nato"],
    ] as [EntityKind, string | RegExp][])('finds %s %s', (kind, name) => {
      expect(
        find(kind, name),
        `${kind} ${String(name)} in ${result.entities.map((e) => `${e.kind}:${e.name}`).join(', ')}`,
      ).toBeDefined();
    });

    it('resolves "Mr Stoltenberg" and "Stoltenberg" to Jens Stoltenberg', () => {
      const js = find('person', 'Jens Stoltenberg')!;
      expect(js.aliases).toContain('Stoltenberg');
      expect(js.aliases).toContain('Mr Stoltenberg');
      expect(js.count).toBeGreaterThanOrEqual(4);
      expect(result.entities.filter((e) => /Stoltenberg/.test(e.name))).toHaveLength(1);
    });

    it('never marks days, months, honorifics or possessive endings', () => {
      const texts = result.spans.map((s) => blocks[s.block]!.slice(s.start, s.end));
      for (const bad of ['Monday', 'October', 'Mr', 'Updated', 'Powered']) expect(texts).not.toContain(bad);
      for (const t of texts) expect(t).not.toMatch(/['’]s$/);
      expect(texts.filter((t) => t === 'Nato').length).toBeGreaterThanOrEqual(6);
      // "Nato-Russia relations" is Nato and Russia, not a third organisation.
      expect(result.entities.map((e) => e.name)).not.toContain('Nato-Russia');
    });

    it('returns sorted, non-overlapping spans that point at their entity', () => {
      const keys = new Map(result.entities.map((e) => [e.key, e]));
      result.spans.forEach((s, i) => {
        const prev = result.spans[i - 1];
        if (prev) expect(prev.block < s.block || (prev.block === s.block && prev.end <= s.start)).toBe(true);
        const e = keys.get(s.entityKey)!;
        expect(e).toBeDefined();
        const text = blocks[s.block]!.slice(s.start, s.end);
        if (e.kind !== 'event' || !/^(Annexation|Poisoning|Expulsion|Closure)/.test(e.name)) {
          expect([e.name, ...e.aliases]).toContain(text);
        }
      });
    });

    it('keeps the poisoning trigger apart from the person and the place', () => {
      const poisoning = find('event', 'Poisoning of Sergei Skripal')!;
      const span = result.spans.find((s) => s.entityKey === poisoning.key)!;
      expect(blocks[span.block]!.slice(span.start, span.end)).toBe('poisoning');
      const skripal = result.spans.find((s) => s.entityKey === find('person', 'Sergei Skripal')!.key)!;
      expect(skripal.block).toBe(span.block);
      expect(blocks[skripal.block]!.slice(skripal.start, skripal.end)).toBe('Sergei Skripal');
    });
  });
});
