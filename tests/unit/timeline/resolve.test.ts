import { describe, expect, it } from 'vitest';
import { dayOfIso, monthNumber } from '../../../lib/timeline/calendar';
import { extractDates } from '../../../lib/timeline/extract';

/** The dates found in `text` for an article published on `iso`, as "value/precision[/part]". */
function dates(text: string, iso: string | null): string[] {
  return extractDates(text, iso ? dayOfIso(iso) : null).map((d) =>
    d.when.kind === 'resolved'
      ? [d.when.value, d.when.precision, d.when.part].filter(Boolean).join('/')
      : `~${d.when.phrase}/${d.when.precision}`,
  );
}

describe('date resolution against the article date', () => {
  it('crosses month and year boundaries', () => {
    expect(dates('The talks ended yesterday.', '2021-01-01')).toEqual(['2020-12-31/day']);
    expect(dates('He resigned last month.', '2021-01-15')).toEqual(['2020-12/month']);
    expect(dates('Sales fell last year.', '2021-01-15')).toEqual(['2020/year']);
    expect(dates('Police arrived on Friday.', '2021-03-01')).toEqual(['2021-02-26/day']);
    expect(dates('It happened last week.', '2021-01-04')).toEqual(['2020-W53/week']);
    expect(dates('The vote is tomorrow.', '2020-02-28')).toEqual(['2020-02-29/day']);
    // A month named without a year is the latest one before the article, unless announced.
    expect(dates('In December, prices rose.', '2021-01-10')).toEqual(['2020-12/month']);
    expect(dates('The plant will reopen in March.', '2021-10-10')).toEqual(['2022-03/month']);
    expect(dates('The summit on Oct. 25 is expected to be tense.', '2021-10-20')).toEqual(['2021-10-25/day']);
  });

  it('uses the day the publisher wrote, whatever the zone', () => {
    // 23:30 in New York is already the 21st in UTC: the article is still dated the 20th.
    expect(dates('Russia closed its mission on Monday.', '2021-10-20T23:30:00-04:00')).toEqual(['2021-10-18/day']);
    expect(dates('It ended yesterday.', '2021-10-20T00:30:00+09:00')).toEqual(['2021-10-19/day']);
    expect(dates('It ended yesterday.', '2021-10-20T23:59:59Z')).toEqual(['2021-10-19/day']);
  });

  it('reads "Monday" in a Monday article as that same day, and "last Monday" as the week before', () => {
    expect(dates('The report was released on Monday.', '2016-02-01')).toEqual(['2016-02-01/day']);
    expect(dates('The report was released last Monday.', '2016-02-01')).toEqual(['2016-01-25/day']);
    expect(dates('Ministers will meet on Monday.', '2016-02-01')).toEqual(['2016-02-01/day']);
    expect(dates('Ministers will meet next Monday.', '2016-02-01')).toEqual(['2016-02-08/day']);
    expect(dates('Ministers will meet on Wednesday.', '2016-02-01')).toEqual(['2016-02-03/day']);
  });

  it('keeps precision: years, parts of months, weeks, days', () => {
    expect(dates('Relations have been strained since 2014 when Moscow annexed Crimea.', '2021-10-20')).toEqual([
      '2014/year',
    ]);
    expect(dates('Earlier this month, Nato expelled eight diplomats.', '2021-10-20')).toEqual(['2021-10/month/early']);
    expect(dates('He spoke before a Nato summit this week.', '2021-10-20')).toEqual(['2021-W42/week']);
    expect(dates('The deal was signed on October 20, 2021.', '2015-01-01')).toEqual(['2021-10-20/day']);
    expect(dates('Shares fell in mid-June 2019.', null)).toEqual(['2019-06/month/mid']);
  });

  it('leaves relative dates relative when the article has no date', () => {
    expect(dates('Russia closed its mission on Monday; earlier this month it expelled diplomats.', null)).toEqual([
      '~Monday/day',
      '~earlier this month/month',
    ]);
    expect(dates('It happened two years ago, in June.', null)).toEqual(['~two years ago/year', '~June/month']);
    expect(dates('It happened in 2018.', null)).toEqual(['2018/year']);
  });

  it('finds no date in durations, amounts, times and "now"', () => {
    expect(dates('They sailed for a week and were paid $6 a pound.', '2019-04-28')).toEqual([]);
    expect(dates('It now has 2000 stores; 1010data says sales hit 2014% growth at 8 AM.', '2019-04-28')).toEqual([]);
    expect(dates('A few days earlier, the price fell.', '2019-04-28')).toEqual([]);
    expect(dates('', '2019-04-28')).toEqual([]);
  });
});

describe('month words', () => {
  it('names a month by its full name or an abbreviation, in any case', () => {
    expect(monthNumber('January')).toBe(1);
    expect(monthNumber('oct')).toBe(10);
    expect(monthNumber('Sept.')).toBe(9);
    expect(monthNumber('DECEMBER')).toBe(12);
  });

  it('names none for a word that only starts like one, or is too short to tell', () => {
    expect(monthNumber('Marching')).toBe(0);
    expect(monthNumber('Ju')).toBe(0);
    expect(monthNumber('')).toBe(0);
  });
});
