import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { cardDatesError, cardDatesSchema, formatCardDates } from '@/lib/db/card-dates';
import { installStarterCards, starterCardSchema } from '@/lib/db/starter';
import { card, freshDb } from './helpers';

describe('card dates', () => {
  it('formats each precision, naming a shared year once', () => {
    expect(formatCardDates({ start: '2018-03-04', precision: 'day' })).toEqual({ start: '4 March 2018' });
    expect(formatCardDates({ start: '2021-10-18', end: '2021-11-01', precision: 'day' })).toEqual({
      start: '18 October',
      end: '1 November 2021',
    });
    expect(formatCardDates({ start: '1914-07-28', end: '1918-11-11', precision: 'day' })).toEqual({
      start: '28 July 1914',
      end: '11 November 1918',
    });
    expect(formatCardDates({ start: '2014-02', end: '2014-03', precision: 'month' })).toEqual({
      start: 'February',
      end: 'March 2014',
    });
    expect(formatCardDates({ start: '1947', end: '1991', precision: 'year' })).toEqual({ start: '1947', end: '1991' });
    expect(formatCardDates({ start: '2014', precision: 'year' })).toEqual({ start: '2014' });
    expect(formatCardDates({ start: '2014-02', precision: 'month', label: 'since February 2014' })).toEqual({
      start: 'since February 2014',
    });
  });

  it('rejects dates that are not of their precision, impossible, or reversed', () => {
    expect(cardDatesError({ start: '2014', precision: 'day' })).toMatch(/not a day/);
    expect(cardDatesError({ start: '2021-02-30', precision: 'day' })).toMatch(/not a day/);
    expect(cardDatesError({ start: '2014-13', precision: 'month' })).toMatch(/not a month/);
    expect(cardDatesError({ start: '2020', end: '2019', precision: 'year' })).toBe('end is before start');
    expect(cardDatesError({ start: '2020-02-29', precision: 'day' })).toBeNull();
    expect(formatCardDates({ start: 'soon', precision: 'year' })).toBeNull();
    expect(v.safeParse(cardDatesSchema, { start: '2014-02-20', precision: 'day' }).success).toBe(true);
    expect(v.safeParse(cardDatesSchema, { start: '2014-02-20', precision: 'week' }).success).toBe(false);
  });

  it('starter cards keep their dates when installed; a card without dates stays valid', async () => {
    const db = await freshDb();
    const { createdAt: _c, updatedAt: _u, ...base } = card('brexit', 'Brexit', 'event');
    const dated = { ...base, dates: { start: '2016-06-23', end: '2020-01-31', precision: 'day' } };
    const { createdAt: _c2, updatedAt: _u2, ...plain } = card('g7-summit', 'G7 summit', 'event');
    const broken = { ...base, id: 'broken', dates: { start: '2020-01-31', end: '2016-06-23', precision: 'day' } };
    const report = await installStarterCards(db, [dated, plain, broken]);
    expect(report.written).toBe(2);
    expect(report.invalid).toEqual([expect.stringMatching(/^broken: dates must be valid/)]);
    expect((await db.cards.get('brexit'))?.dates).toEqual(dated.dates);
    expect((await db.cards.get('g7-summit'))?.dates).toBeUndefined();
  });

  it("the shipped starter events carry valid dates, the reference article's among them", () => {
    const shipped = JSON.parse(readFileSync('public/starter-cards.json', 'utf8')) as { id: string; kind: string }[];
    const events = shipped.filter((c) => c.kind === 'event');
    for (const c of events) expect(v.safeParse(starterCardSchema, c).success).toBe(true);
    const byId = new Map(shipped.map((c) => [c.id, c as { dates?: { start: string } }]));
    expect(byId.get('skripal-poisoning')?.dates?.start).toBe('2018-03-04');
    expect(byId.get('annexation-of-crimea')?.dates?.start).toBe('2014-02');
    expect(byId.get('russia-closes-nato-mission-2021')?.dates?.start).toBe('2021-10-18');
    expect(events.filter((c) => 'dates' in c).length).toBeGreaterThanOrEqual(20);
  });
});
