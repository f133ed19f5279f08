/**
 * When an event happened, as a card carries it: a start, an optional end, and how precise both
 * are (a year is not a day). Validated where cards enter (starter data), formatted for CardView.
 */
import * as v from 'valibot';
import type { CardDates, DatePrecision } from './records';

const PATTERNS: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/** The UTC instant an ISO date of a precision starts at, or NaN when it is not one. */
function startOf(iso: string, precision: DatePrecision): number {
  if (!PATTERNS[precision].test(iso)) return Number.NaN;
  const [y, m = 1, d = 1] = iso.split('-').map(Number) as [number, number?, number?];
  const t = Date.UTC(y, m - 1, d);
  // Rejects 2021-02-30, which Date.UTC would quietly roll over into March.
  return new Date(t).getUTCDate() === d ? t : Number.NaN;
}

/** A problem with a dates value, or null when it can be shown. */
export function cardDatesError(dates: CardDates): string | null {
  const s = startOf(dates.start, dates.precision);
  if (Number.isNaN(s)) return `start "${dates.start}" is not a ${dates.precision} (YYYY, YYYY-MM or YYYY-MM-DD)`;
  if (dates.end === undefined) return null;
  const e = startOf(dates.end, dates.precision);
  if (Number.isNaN(e)) return `end "${dates.end}" is not a ${dates.precision}`;
  return e < s ? 'end is before start' : null;
}

/** Valibot schema of a card's dates (used by the starter-card schema). */
export const cardDatesSchema = v.pipe(
  v.object({
    start: v.pipe(v.string(), v.maxLength(10)),
    end: v.optional(v.pipe(v.string(), v.maxLength(10))),
    precision: v.picklist(['day', 'month', 'year'] as const),
    label: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
  }),
  v.check((d) => cardDatesError(d) === null, 'dates must be valid ISO dates of their precision, start before end'),
);

const FORMATS = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  dayNoYear: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  monthNoYear: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
};

/** One date in words at its precision; `withYear` false drops the year (the range's end has it). */
function say(iso: string, precision: DatePrecision, withYear = true): string {
  if (precision === 'year') return iso;
  const t = startOf(iso, precision);
  if (precision === 'month') return (withYear ? FORMATS.month : FORMATS.monthNoYear).format(t);
  return (withYear ? FORMATS.day : FORMATS.dayNoYear).format(t);
}

/** A card's dates in words, split so each end can sit in its own <time>. */
export interface DatesText {
  start: string;
  end?: string;
}

/**
 * "4 March 2018"; "18 October – 1 November 2021" (the year once when both ends share it);
 * "February – March 2014"; "1947–1991". A label, when given, is the whole text. Invalid
 * dates give null, so a bad record shows nothing rather than a wrong date.
 */
export function formatCardDates(dates: CardDates): DatesText | null {
  if (cardDatesError(dates)) return null;
  if (dates.label) return { start: dates.label };
  const { start, end, precision } = dates;
  if (!end || end === start) return { start: say(start, precision) };
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return { start: say(start, precision, precision === 'year' || !sameYear), end: say(end, precision) };
}
