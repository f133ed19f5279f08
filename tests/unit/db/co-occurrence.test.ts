import { describe, expect, it } from 'vitest';
import { coMentions, formatWeek, mentionsPerWeek, summariseWeeks, weekStart } from '@/lib/db/co-occurrence';
import { deleteCard } from '@/lib/db/card-edits';
import { recordMentions, storeMentions } from '@/lib/db/mentions';
import type { Mention } from '@/lib/db/records';
import { card, freshDb } from './helpers';

const DAY = 24 * 3600 * 1000;

describe('coMentions', () => {
  it('ranks the entities sharing pages with a card, by distinct shared pages', async () => {
    const db = await freshDb();
    await db.cards.bulkPut([
      card('nato', 'Nato', 'organization'),
      card('russia', 'Russia', 'place'),
      card('crimea', 'Crimea', 'place'),
      card('skripal', 'Sergei Skripal', 'person'),
      card('obama', 'Barack Obama', 'person'),
    ]);
    const page = (url: string, ids: string[]) =>
      recordMentions(
        db,
        ids.map((cardId) => ({ cardId, url, title: url, sentence: `${cardId} here.` })),
      );
    await page('https://a.test/1', ['nato', 'russia', 'crimea']);
    await page('https://a.test/2#frag', ['nato', 'russia', 'skripal']);
    await page('https://a.test/2', ['russia']); // same page again: counted once
    await page('https://a.test/3', ['nato', 'russia']);
    await page('https://a.test/4', ['obama', 'russia']); // no Nato: not a companion of Nato
    const ranked = await coMentions(db, 'nato');
    expect(ranked).toEqual([
      { cardId: 'russia', name: 'Russia', kind: 'place', pages: 3 },
      { cardId: 'crimea', name: 'Crimea', kind: 'place', pages: 1 },
      { cardId: 'skripal', name: 'Sergei Skripal', kind: 'person', pages: 1 },
    ]);
    expect((await coMentions(db, 'russia')).map((c) => [c.name, c.pages])).toEqual([
      ['Nato', 3],
      ['Barack Obama', 1],
      ['Crimea', 1],
      ['Sergei Skripal', 1],
    ]);
    expect(await coMentions(db, 'russia', 2)).toHaveLength(2);
    expect(await coMentions(db, 'nobody')).toEqual([]);
    // A deleted card drops out of everyone's list (its mentions go with it).
    await deleteCard(db, 'russia');
    expect((await coMentions(db, 'nato')).map((c) => c.cardId)).toEqual(['crimea', 'skripal']);
  });

  // Its speed over 50,000 mentions is a benchmark figure, not a unit test; this checks the ranking at size.
  it('ranks by shared pages over a few thousand mentions, agreeing with a brute-force count', async () => {
    const db = await freshDb();
    const cards = Array.from({ length: 400 }, (_, i) => card(`c${i}`, `Name ${i}`, 'person'));
    await db.cards.bulkPut(cards);
    // 250 pages × 12 entities; c0 is on every 5th page (50 pages).
    const rows: Mention[] = [];
    for (let p = 0; p < 250; p++) {
      const url = `https://news.test/${p}`;
      const ids = new Set<number>();
      if (p % 5 === 0) ids.add(0);
      for (let k = 1; ids.size < 12; k++) ids.add((p * 7 + k * 13) % 400);
      for (const i of ids) rows.push({ cardId: `c${i}`, url, title: 'T', site: 'news.test', sentence: 'x', seenAt: p });
    }
    await storeMentions(db, rows);
    const ranked = await coMentions(db, 'c0');
    expect(ranked).toHaveLength(10);
    const c0Pages = new Set(rows.filter((r) => r.cardId === 'c0').map((r) => r.url));
    const counts = new Map<string, number>();
    for (const r of rows)
      if (r.cardId !== 'c0' && c0Pages.has(r.url)) counts.set(r.cardId, (counts.get(r.cardId) ?? 0) + 1);
    const best = [...counts.values()].sort((x, y) => y - x);
    expect(ranked.map((r) => r.pages)).toEqual(best.slice(0, 10));
  });
});

describe('mentionsPerWeek', () => {
  // Wednesday 20 October 2021, noon local time.
  const now = new Date(2021, 9, 20, 12).getTime();

  it('starts weeks on Monday at midnight local time', () => {
    expect(new Date(weekStart(now))).toEqual(new Date(2021, 9, 18));
    expect(weekStart(new Date(2021, 9, 18).getTime())).toBe(new Date(2021, 9, 18).getTime());
    // Sunday belongs to the week that began the Monday before.
    expect(weekStart(new Date(2021, 9, 24, 23, 59).getTime())).toBe(new Date(2021, 9, 18).getTime());
  });

  it('counts mentions per week over the last 52 weeks, oldest first, ignoring older ones', () => {
    const at = (y: number, m: number, d: number) => ({ seenAt: new Date(y, m, d, 9).getTime() });
    const weeks = mentionsPerWeek(
      [at(2021, 9, 18), at(2021, 9, 19), at(2021, 9, 11), at(2020, 0, 1), { seenAt: now + 30 * DAY }],
      now,
    );
    expect(weeks).toHaveLength(52);
    expect(weeks.at(-1)).toEqual({ start: new Date(2021, 9, 18).getTime(), count: 2 });
    expect(weeks.at(-2)).toEqual({ start: new Date(2021, 9, 11).getTime(), count: 1 });
    expect(weeks.reduce((n, w) => n + w.count, 0)).toBe(3);
    // Consecutive weeks, seven calendar days apart even across a daylight-saving change.
    for (let i = 1; i < weeks.length; i++) {
      const a = new Date(weeks[i - 1]!.start);
      const b = new Date(weeks[i]!.start);
      expect(b.getDay()).toBe(1);
      expect(Math.round((b.getTime() - a.getTime()) / DAY)).toBe(7);
    }
    expect(mentionsPerWeek([], now, 0)).toEqual([]);
  });

  it('summarises the strip in words', () => {
    const at = (d: number) => ({ seenAt: new Date(2021, 9, d, 9).getTime() });
    expect(summariseWeeks(mentionsPerWeek([], now))).toBe('No mentions in the last year.');
    expect(summariseWeeks(mentionsPerWeek([at(19)], now))).toBe(
      '1 mention in the last year, in the week of 18 Oct 2021.',
    );
    expect(summariseWeeks(mentionsPerWeek([at(19), at(20), at(5)], now))).toBe(
      '3 mentions in the last year, most in the week of 18 Oct 2021.',
    );
    expect(summariseWeeks(mentionsPerWeek([at(19), at(20)], now))).toBe(
      '2 mentions in the last year, all in the week of 18 Oct 2021.',
    );
    expect(formatWeek(new Date(2021, 9, 11).getTime())).toBe('11 Oct 2021');
  });
});
