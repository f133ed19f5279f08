import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../lib/timeline/build';
import { formatWhen } from '../../../lib/timeline/format';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../lib/timeline/sentences';

const SEED = path.resolve(import.meta.dirname, '../../../../shared/seed/nato-russia-lowest-point.txt');
// The entities the popup has for the reference article (names + the aliases the detector reports).
const ENTITIES = [
  ['place', 'Russia', []],
  ['organization', 'Nato', []],
  ['place', 'Moscow', []],
  ['place', 'Ukraine', []],
  ['place', 'Crimea', []],
  ['person', 'Sergei Skripal', []],
  ['place', 'Salisbury', []],
  ['event', 'Annexation of Crimea', ['annexed']],
  ['event', 'Poisoning of Sergei Skripal', ['poisoning']],
  ['event', 'Expulsion of Russian diplomats from Nato', ['expelled']],
  ['event', 'Nato summit', []],
  ['event', "Closure of Russia's mission to Nato", ['closed']],
].map(([kind, name, aliases]) => ({
  key: `${kind}:${String(name).toLowerCase()}`,
  kind: kind as string,
  name: name as string,
  aliases: aliases as string[],
  count: 1,
}));

describe('buildTimeline on the reference article', () => {
  const blocks = readFileSync(SEED, 'utf8')
    .split(/\n+/)
    .filter((b) => b.trim());

  it('lists 2014, 2018, early October, Monday 18 October and the summit week, with their names', () => {
    const t = buildTimeline({ blocks, published: '2021-10-20T16:07:00+04:00', entities: ENTITIES });
    expect(t.published && formatWhen(t.published)).toBe('Wednesday 20 October 2021');
    expect(
      t.entries.map((e) => `${formatWhen(e.when)}: ${e.what} [${e.entities.map((n) => n.name).join(', ')}]`),
    ).toEqual([
      '2014: Moscow annexed Ukraine’s Crimea region [Moscow, Annexation of Crimea, Ukraine, Crimea]',
      '2018: Poisoning of former Russian-British double agent Sergei Skripal in Salisbury [Poisoning of Sergei Skripal, Sergei Skripal, Salisbury]',
      'Early October 2021: Nato expelled eight Russian diplomats [Nato, Expulsion of Russian diplomats from Nato]',
      "Monday 18 October 2021: Russia closed its mission to Nato [Russia, Closure of Russia's mission to Nato, Nato]",
      'Week of 18 October 2021: Nato summit [Nato summit]',
    ]);
    // Each entry points at its sentence in its block.
    const first = t.entries[0]!;
    expect(blocks[first.passage.block]!.slice(first.passage.start, first.passage.end)).toMatch(
      /^Nato-Russia relations .* Crimea region\.$/,
    );
  });

  it('without an article date keeps relative dates as written, after the dated ones', () => {
    const t = buildTimeline({ blocks, entities: ENTITIES });
    expect(t.published).toBeNull();
    expect(t.entries.map((e) => formatWhen(e.when))).toEqual([
      '2014',
      '2018',
      'Monday (date of the article unknown)',
      'Earlier this month (date of the article unknown)',
      'this week (date of the article unknown)',
    ]);
  });
});

describe('a page text that is one endless sentence', () => {
  it('is read in pieces of at most MAX_SENTENCE_CHARS, cut between words, with every word kept', () => {
    const block = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitSentences(block);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(block.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).toMatch(/^word\d+.*word\d+$/);
    }
    expect(pieces.map((p) => p.text).join(' ')).toBe(block);
  });

  it('still gives the events dated deep inside it', () => {
    const filler = Array.from({ length: 300 }, () => 'and so on').join(' ');
    const block = `${filler}, and in 1949 twelve countries signed the North Atlantic Treaty, ${filler}`;
    const { entries } = buildTimeline({ blocks: [block], published: '2024-05-01', entities: [] });
    const treaty = entries.find((e) => formatWhen(e.when) === '1949');
    expect(treaty?.what).toMatch(/twelve countries signed the North Atlantic Treaty$/i);
  });

  it('keeps an abbreviation from ending a sentence however long the sentence before it', () => {
    const long = Array.from({ length: 500 }, () => 'talks went on').join(' ');
    const s = splitSentences(`${long} with Mr. Stoltenberg. Then they left.`);
    expect(s.map((x) => x.text.slice(-20))).toContain('with Mr. Stoltenberg.'.slice(-20));
  });
});
