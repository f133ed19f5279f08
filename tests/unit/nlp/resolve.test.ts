// Within-article resolution rules, on hand-made mentions and through the whole detector.
import { describe, it, expect, beforeAll } from 'vitest';
import path from 'node:path';
import { resolveMentions, initials, type Mention } from '../../../lib/nlp/resolve';
import { loadDetectorFromDisk } from '../../../lib/nlp/load-node';
import type { Detector } from '../../../lib/nlp/detector';

const at = (blocks: string[], block: number, text: string, kind: Mention['kind'], from = 0): Mention => {
  const start = blocks[block]!.indexOf(text, from);
  if (start < 0) throw new Error(`${text} not in block ${block}`);
  return { block, start, end: start + text.length, kind, text };
};

describe('resolveMentions', () => {
  it('links "Stoltenberg" and "Mr Stoltenberg" to the fullest name "Jens Stoltenberg"', () => {
    const blocks = ['Jens Stoltenberg spoke.', 'Mr Stoltenberg said Stoltenberg would stay.'];
    const ms = [
      at(blocks, 0, 'Jens Stoltenberg', 'person'),
      { ...at(blocks, 1, 'Stoltenberg', 'person'), honorific: 'Mr' },
      at(blocks, 1, 'Stoltenberg', 'person', 20),
    ];
    const r = resolveMentions(ms, blocks);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]).toMatchObject({
      name: 'Jens Stoltenberg',
      kind: 'person',
      count: 3,
      key: 'person:jens stoltenberg',
    });
    expect(r.entities[0]!.aliases).toEqual(expect.arrayContaining(['Stoltenberg', 'Mr Stoltenberg']));
    expect(r.spans.every((s) => s.entityKey === 'person:jens stoltenberg')).toBe(true);
  });

  it('makes an acronym in brackets one entity with its expansion', () => {
    const blocks = ['The North Atlantic Treaty Organization (Nato) met. Nato agreed.'];
    const ms = [
      at(blocks, 0, 'North Atlantic Treaty Organization', 'organization'),
      at(blocks, 0, 'Nato', 'person'),
      at(blocks, 0, 'Nato', 'organization', 45),
    ];
    const r = resolveMentions(ms, blocks);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]).toMatchObject({ name: 'North Atlantic Treaty Organization', kind: 'organization', count: 3 });
    expect(initials('North Atlantic Treaty Organization')).toBe('nato');
  });

  it('gives one kind per surface form by majority, and a lone surname its person', () => {
    const blocks = ['Parnevik won. Parnevik led. Jesper Parnevik smiled. Magna rose. Magna International fell.'];
    const ms = [
      at(blocks, 0, 'Parnevik', 'organization'),
      at(blocks, 0, 'Parnevik', 'organization', 10),
      at(blocks, 0, 'Jesper Parnevik', 'person'),
      at(blocks, 0, 'Magna', 'person'),
      at(blocks, 0, 'Magna International', 'organization'),
    ];
    const r = resolveMentions(ms, blocks);
    const kindOf = (name: string) => r.entities.find((e) => e.name === name)?.kind;
    expect(kindOf('Jesper Parnevik')).toBe('person');
    expect(r.entities.filter((e) => /Parnevik/.test(e.name))).toHaveLength(1);
    expect(r.entities.find((e) => e.aliases.includes('Magna') || e.name === 'Magna')!.kind).toBe('organization');
  });

  it('drops overlapping spans and sorts by block then start', () => {
    const blocks = ['Nato-Russia Council', 'Moscow and Kyiv'];
    const ms = [
      at(blocks, 1, 'Kyiv', 'place'),
      at(blocks, 0, 'Nato-Russia Council', 'organization'),
      at(blocks, 0, 'Russia', 'place'),
      at(blocks, 1, 'Moscow', 'place'),
    ];
    const r = resolveMentions(ms, blocks);
    expect(r.spans.map((s) => blocks[s.block]!.slice(s.start, s.end))).toEqual([
      'Nato-Russia Council',
      'Moscow',
      'Kyiv',
    ]);
  });
});

describe('resolution through the detector', () => {
  let d: Detector;
  beforeAll(async () => {
    d = await loadDetectorFromDisk(path.resolve('public/model'));
  });

  it('tags a name the same way in every block and strips possessives', () => {
    const blocks = [
      'Angela Merkel arrived in Paris on Monday.',
      "Merkel's aides said Merkel was tired.",
      'PARIS TALKS END',
    ];
    const r = d.spot(blocks);
    const merkel = r.entities.find((e) => e.name === 'Angela Merkel')!;
    expect(merkel.kind).toBe('person');
    expect(merkel.count).toBe(3);
    const texts = r.spans.map((s) => blocks[s.block]!.slice(s.start, s.end));
    expect(texts).not.toContain("Merkel's");
    expect(texts).not.toContain('Monday');
  });

  it('copes with empty, odd and huge input without throwing', () => {
    expect(d.spot([]).spans).toEqual([]);
    expect(d.spot(['', '   ', '\r\n']).spans).toEqual([]);
    const huge = 'Jens Stoltenberg visited Moscow and Kyiv. '.repeat(60_000); // ~2.5 MB in one block
    const r = d.spot([huge]);
    expect(r.spans.length).toBeGreaterThan(100_000);
    const last = r.spans[r.spans.length - 1]!;
    expect(huge.slice(last.start, last.end)).toBe('Kyiv');
  });
});
